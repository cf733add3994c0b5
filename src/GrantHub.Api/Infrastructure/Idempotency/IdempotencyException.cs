namespace GrantHub.Api.Infrastructure.Idempotency;

/// <summary>An Idempotency-Key was reused with another body (422) or while its first request runs (409).</summary>
public sealed class IdempotencyException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
