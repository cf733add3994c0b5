using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using Mediator;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GrantHub.Api.Features.OpenData;

public static class OpenDataEndpoints
{
    public static void MapOpenDataEndpoints(this IEndpointRouteBuilder routes)
    {
        var staff = routes.MapGroup("/api/open-data").WithTags("Open data").WithProblemResponses()
            .RequireAuthorization(Policies.AdminProgrammeOrFinance);

        staff.MapGet("/360giving.json", (IMediator mediator, string? lang, HttpContext http, CancellationToken ct) =>
                Stream(mediator, new ExportOpenDataQuery(OpenDataFormat.ThreeSixtyGivingJson, lang), http, ct))
            .Produces(StatusCodes.Status200OK, contentType: ThreeSixtyGivingJsonWriter.ContentType)
            .WithSummary("Every awarded grant as a 360Giving 1.4 package, streamed; ?lang=en|fr (Admin, programme and finance officers)");

        staff.MapGet("/360giving.csv", (IMediator mediator, string? lang, HttpContext http, CancellationToken ct) =>
                Stream(mediator, new ExportOpenDataQuery(OpenDataFormat.ThreeSixtyGivingCsv, lang), http, ct))
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("The same grants in 360Giving's flattened CSV columns (Admin, programme and finance officers)");

        staff.MapGet("/iati.xml", (IMediator mediator, string? lang, HttpContext http, CancellationToken ct) =>
                Stream(mediator, new ExportOpenDataQuery(OpenDataFormat.IatiXml, lang), http, ct))
            .Produces(StatusCodes.Status200OK, contentType: IatiActivitiesWriter.ContentType)
            .WithSummary("Every awarded grant as an IATI 2.03 activity (Admin, programme and finance officers)");

        staff.MapPost("/publish", (IMediator mediator, CancellationToken ct) => mediator.Send(new PublishOpenDataCommand(), ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Write the three files to the publish folder that the public endpoint serves (Admin)");

        routes.MapGet("/open-data/{fileName}", ServePublishedAsync)
            .AllowAnonymous()
            .WithTags("Open data")
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status404NotFound)
            .WithSummary("The last published 360giving.json, 360giving.csv or iati.xml, anonymously, with ETag (only when OpenData:Publish is on)");
    }

    private static async Task<IResult> Stream(IMediator mediator, ExportOpenDataQuery query, HttpContext http, CancellationToken ct)
    {
        var export = await mediator.Send(query, ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Stream(body => export.WriteAsync(body, ct), export.ContentType, export.FileName);
    }

    private static async Task<IResult> ServePublishedAsync(
        string fileName, IOptions<OpenDataOptions> options, PublishedOpenDataFiles files, HttpContext http, CancellationToken ct)
    {
        if (!options.Value.Publish || OpenDataFiles.FromFileName(fileName) is null)
        {
            return TypedResults.NotFound();
        }

        var file = (await files.ManifestAsync(ct))?.Files.FirstOrDefault(f => f.FileName == fileName);
        if (file is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.PhysicalFile(
            files.PathOf(file.FileName),
            file.ContentType,
            file.FileName,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }
}
