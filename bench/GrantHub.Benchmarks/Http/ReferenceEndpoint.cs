using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using GrantHub.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Benchmarks.Http;

/// <summary>
/// The floor of this database, served by the benchmark's host in front of GrantHub's whole pipeline:
/// <c>GET /bench/reference/applications/{id}</c> reads the same application row GrantHub reads, with raw
/// Microsoft.Data.Sqlite (no EF, no mediator, no authentication, no authorisation) and writes it as JSON.
/// <c>GET /bench/reference-ef/applications/{id}</c> reads the same columns through GrantHub's own pooled EF Core context
/// (untracked, still no mediator and no authentication): the share of a GET by id that EF Core alone costs.
/// </summary>
internal sealed class ReferenceEndpoint(string connectionString) : IStartupFilter
{
    public const string Prefix = "/bench/reference/applications/";
    public const string EntityFrameworkPrefix = "/bench/reference-ef/applications/";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, pipeline) =>
        {
            if (context.Request.Path.StartsWithSegments("/bench/reference/applications", out var rest) && Guid.TryParse(rest.Value?.Trim('/'), out var id))
            {
                await ReadAsync(context, id);
                return;
            }

            if (context.Request.Path.StartsWithSegments("/bench/reference-ef/applications", out rest) && Guid.TryParse(rest.Value?.Trim('/'), out id))
            {
                await ReadWithEntityFrameworkAsync(context, id);
                return;
            }

            await pipeline(context);
        });
        next(app);
    };

    private async Task ReadAsync(HttpContext context, Guid id)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(context.RequestAborted);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Id", "CallId", "LeadOrganisationId", "Title", "Summary", "Status", "Currency", "RequestedTotal", "DurationMonths", "Version"
            FROM "Applications" WHERE "Id" = $id
            """;
        command.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
        if (!await reader.ReadAsync(context.RequestAborted))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await context.Response.WriteAsJsonAsync(new
        {
            id = reader.GetString(0),
            callId = reader.GetString(1),
            leadOrganisationId = reader.GetString(2),
            title = reader.GetString(3),
            summary = reader.GetString(4),
            status = reader.GetString(5),
            currency = reader.GetString(6),
            requestedTotal = reader.GetInt64(7) / 100m,
            durationMonths = reader.GetInt32(8),
            version = reader.GetInt32(9),
        }, context.RequestAborted);
    }

    private static async Task ReadWithEntityFrameworkAsync(HttpContext context, Guid id)
    {
        var db = context.RequestServices.GetRequiredService<GrantHubDbContext>();
        var application = await db.Applications.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new { a.Id, a.CallId, a.LeadOrganisationId, a.Title, a.Summary, a.Status, a.Currency, a.RequestedTotal, a.DurationMonths, a.Version })
            .FirstOrDefaultAsync(context.RequestAborted);
        if (application is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await context.Response.WriteAsJsonAsync(new
        {
            id = application.Id,
            callId = application.CallId,
            leadOrganisationId = application.LeadOrganisationId,
            title = application.Title,
            summary = application.Summary,
            status = application.Status.ToString(),
            currency = application.Currency,
            requestedTotal = application.RequestedTotal.Amount,
            durationMonths = application.DurationMonths,
            version = application.Version,
        }, context.RequestAborted);
    }
}
