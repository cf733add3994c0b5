using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Data;
using GrantHub.Core.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Idempotency;

/// <summary>The outcome of claiming a key: either this request now holds it, or an earlier response is to be replayed.</summary>
public sealed record IdempotencyClaim(Guid? ClaimedRecordId, IdempotencyRecord? Replay);

/// <summary>
/// Keeps Idempotency-Keys in the application database. Each step is its own short, committed unit of work
/// on its own DbContext, independent of the command's transaction: the claim commits before the command
/// starts (the unique (user, key) index lets exactly one concurrent request win), and the response is
/// stored after the command has committed.
/// </summary>
public sealed class IdempotencyStore(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration)
{
    private const int MaxClaimAttempts = 3;

    public TimeSpan Retention => TimeSpan.FromHours(configuration.GetValue("Idempotency:RetentionHours", 24));

    /// <summary>SHA-256 (hex) of the method, path and the body in its canonical JSON form (the bound object, re-serialized).</summary>
    public static string HashRequest(string method, string path, object body, JsonSerializerOptions json)
    {
        var canonicalBody = JsonSerializer.Serialize(body, body.GetType(), json);
        var bytes = Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()} {path}\n{canonicalBody}");
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>
    /// Claims the key for this request, or returns the earlier response to replay. Throws
    /// <see cref="IdempotencyException"/> 422 when the key was used with another request, 409 while that runs.
    /// </summary>
    public async Task<IdempotencyClaim> ClaimAsync(Guid userId, string key, string requestHash, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GrantHubDbContext>();
            var now = clock.GetUtcNow();
            var existing = await db.IdempotencyRecords.AsNoTracking()
                .FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
            if (existing is not null && existing.ExpiresAt <= now)
            {
                await db.IdempotencyRecords.Where(r => r.Id == existing.Id && r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
                existing = null;
            }

            if (existing is not null)
            {
                return new IdempotencyClaim(null, ReplayOf(existing, requestHash));
            }

            var record = new IdempotencyRecord(userId, key, requestHash, now, now + Retention);
            db.IdempotencyRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new IdempotencyClaim(record.Id, null);
            }
            catch (DbUpdateException) when (attempt < MaxClaimAttempts)
            {
                // A concurrent request with the same key inserted first; the next pass reads its record.
            }
        }
    }

    public async Task CompleteAsync(Guid recordId, int statusCode, string? contentType, string? location, byte[] body)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantHubDbContext>();
        var record = await db.IdempotencyRecords.SingleAsync(r => r.Id == recordId);
        record.Complete(statusCode, contentType, location, body, clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    /// <summary>Frees the key after a request that changed nothing, so the client may retry it, corrected or not.</summary>
    public async Task ReleaseAsync(Guid recordId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantHubDbContext>();
        await db.IdempotencyRecords
            .Where(r => r.Id == recordId && r.Status == IdempotencyStatus.InFlight)
            .ExecuteDeleteAsync();
    }

    private static IdempotencyRecord ReplayOf(IdempotencyRecord existing, string requestHash)
    {
        if (!existing.Matches(requestHash))
        {
            throw new IdempotencyException(
                StatusCodes.Status422UnprocessableEntity,
                "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
        }

        if (existing.Status == IdempotencyStatus.InFlight)
        {
            throw new IdempotencyException(
                StatusCodes.Status409Conflict,
                "A request with this Idempotency-Key is still being processed. Retry shortly to receive its response.");
        }

        return existing;
    }
}
