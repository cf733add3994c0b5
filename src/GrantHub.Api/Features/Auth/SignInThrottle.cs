using System.Collections.Concurrent;

namespace GrantHub.Api.Features.Auth;

/// <summary>
/// Slows password guessing without locking anyone out: failures are counted per account name and client address,
/// so a stranger guessing from elsewhere never delays the owner. After <see cref="FreeFailures"/> failures each attempt
/// must wait twice as long as the one before (1 s, 2 s, 4 s ... at most <see cref="MaxDelay"/>); a success clears the
/// count, and a quiet day forgets it. Unknown and known accounts are counted alike, so the wait reveals nothing.
/// Counts live in this instance's memory: behind a load balancer each instance slows its own share of attempts.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Forget = TimeSpan.FromDays(1);
    private const int MaxTrackedKeys = 100_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    public static string Key(string email, string? clientAddress) =>
        $"{email.Trim().ToUpperInvariant()}|{clientAddress ?? "unknown"}";

    /// <summary>How long this key must still wait before its next attempt is even checked; zero when it may try now.</summary>
    public TimeSpan WaitBeforeNextAttempt(string key)
    {
        if (!_failures.TryGetValue(key, out var failures) || failures.Count < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var wait = failures.LastAt + Delay(failures.Count) - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Counts a failure and returns the delay it imposes on the next attempt.</summary>
    public TimeSpan RecordFailure(string key)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count >= MaxTrackedKeys)
        {
            ForgetQuietKeys(now);
        }

        var failures = _failures.AddOrUpdate(
            key,
            _ => new Failures(1, now),
            (_, previous) => now - previous.LastAt > Forget ? new Failures(1, now) : new Failures(previous.Count + 1, now));
        return failures.Count < FreeFailures ? TimeSpan.Zero : Delay(failures.Count);
    }

    public void RecordSuccess(string key) => _failures.TryRemove(key, out _);

    private static TimeSpan Delay(int failureCount)
    {
        var doublings = Math.Min(failureCount - FreeFailures, 20);
        var delay = TimeSpan.FromSeconds(Math.Pow(2, doublings));
        return delay < MaxDelay ? delay : MaxDelay;
    }

    private void ForgetQuietKeys(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            if (now - failures.LastAt > MaxDelay)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private sealed record Failures(int Count, DateTimeOffset LastAt);
}
