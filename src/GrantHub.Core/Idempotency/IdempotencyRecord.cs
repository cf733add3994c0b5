namespace GrantHub.Core.Idempotency;

public enum IdempotencyStatus
{
    /// <summary>
    /// Claimed by a request whose transaction has not committed. The claim, the command's effects and the response
    /// commit together, so a committed in-flight record is one abandoned by an earlier version of GrantHub.
    /// </summary>
    InFlight,

    /// <summary>The first request succeeded; its response is replayed to every retry.</summary>
    Completed,
}

/// <summary>
/// One user's Idempotency-Key. The unique (user, key) index decides which of several concurrent requests
/// runs; the others find its stored response. Kept until <see cref="ExpiresAt"/>.
/// </summary>
public class IdempotencyRecord
{
    public const int MaxKeyLength = 255;

    private IdempotencyRecord()
    {
    }

    public IdempotencyRecord(Guid userId, string key, string requestHash, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Key = key;
        RequestHash = requestHash;
        Status = IdempotencyStatus.InFlight;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Key { get; private set; } = "";

    /// <summary>SHA-256 (hex) of the method, path and canonical body of the first request.</summary>
    public string RequestHash { get; private set; } = "";

    public IdempotencyStatus Status { get; private set; }

    /// <summary>The command's response as JSON, replayed through the same endpoint so a retry gets the same answer.</summary>
    public byte[]? ResponseBody { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    public bool Matches(string requestHash) => string.Equals(RequestHash, requestHash, StringComparison.Ordinal);

    public void Complete(byte[] responseBody, DateTimeOffset now)
    {
        Status = IdempotencyStatus.Completed;
        ResponseBody = responseBody;
        CompletedAt = now;
    }
}
