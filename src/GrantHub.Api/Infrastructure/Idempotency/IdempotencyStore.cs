using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Data;
using GrantHub.Core.Idempotency;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Infrastructure.Idempotency;

/// <summary>The Idempotency-Key that the current HTTP request carries, with the hash of what it asks.</summary>
public sealed record IdempotentRequest(Guid UserId, string Key, string RequestHash);

/// <summary>
/// Keeps Idempotency-Keys in the application database, inside the command's own transaction: the key is claimed
/// at its start, and the command's effects, its audit entry and its response commit together with the claim. After
/// any crash a key is therefore either absent (nothing committed: the retry runs) or complete (the retry replays).
/// While a request runs, its uncommitted claim holds the unique (user, key) index entry, so a concurrent request
/// with the same key waits for it and then replays its response.
/// </summary>
public sealed class IdempotencyStore(GrantHubDbContext db, TimeProvider clock, IConfiguration configuration, IOptions<JsonOptions> json)
{
    /// <summary>
    /// A committed in-flight record can only have been left by an earlier version of GrantHub, which claimed keys in a
    /// transaction of their own; it is abandoned once this old, so a retry runs instead of waiting for the retention.
    /// </summary>
    public static readonly TimeSpan InFlightAbandonedAfter = TimeSpan.FromSeconds(30);

    private IdempotencyRecord? _claimed;

    public TimeSpan Retention => TimeSpan.FromHours(configuration.GetValue("Idempotency:RetentionHours", 24));

    private IdempotentRequest? _request;

    /// <summary>True once this request's answer is a replay of the first response.</summary>
    public bool Replayed { get; private set; }

    /// <summary>SHA-256 (hex) of the method, path and the body in its canonical JSON form (the bound object, re-serialized).</summary>
    public static string HashRequest(string method, string path, object body, JsonSerializerOptions json)
    {
        var canonicalBody = JsonSerializer.Serialize(body, body.GetType(), json);
        var bytes = Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()} {path}\n{canonicalBody}");
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Called by the endpoint filter: the command this request sends is to run under this key.</summary>
    public void Expect(IdempotentRequest request) => _request = request;

    /// <summary>Called by the unit of work: the key applies to the first command of the request only.</summary>
    public IdempotentRequest? TakeRequest()
    {
        var request = _request;
        _request = null;
        return request;
    }

    /// <summary>
    /// Inside the command's transaction: returns the first response when the key is complete, or claims the key for
    /// this request. Throws <see cref="IdempotencyException"/> 422 when the key was used with another request, 409
    /// while a record abandoned by an earlier version is still young.
    /// </summary>
    public async Task<(bool Found, TResponse? Response)> ReplayOrClaimAsync<TResponse>(IdempotentRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = await db.IdempotencyRecords
            .FirstOrDefaultAsync(r => r.UserId == request.UserId && r.Key == request.Key, cancellationToken);
        if (existing is not null && (existing.ExpiresAt <= now
            || (existing.Status == IdempotencyStatus.InFlight && existing.CreatedAt + InFlightAbandonedAfter <= now)))
        {
            db.IdempotencyRecords.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
            existing = null;
        }

        if (existing is null)
        {
            _claimed = new IdempotencyRecord(request.UserId, request.Key, request.RequestHash, now, now + Retention);
            db.IdempotencyRecords.Add(_claimed);
            await db.SaveChangesAsync(cancellationToken);
            return (false, default);
        }

        if (!existing.Matches(request.RequestHash))
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

        Replayed = true;
        return (true, JsonSerializer.Deserialize<TResponse>(existing.ResponseBody, json.Value.SerializerOptions));
    }

    /// <summary>Inside the command's transaction, before it commits: stores the response with the claimed key.</summary>
    public async Task CompleteAsync<TResponse>(TResponse response, CancellationToken cancellationToken)
    {
        var claimed = _claimed ?? throw new InvalidOperationException("No Idempotency-Key was claimed in this unit of work.");
        claimed.Complete(JsonSerializer.SerializeToUtf8Bytes(response, json.Value.SerializerOptions), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Forgets the claim of a unit of work that was rolled back (it is retried, or it failed).</summary>
    public void ForgetClaim() => _claimed = null;
}
