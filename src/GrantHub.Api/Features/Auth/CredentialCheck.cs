using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Features.Auth;

/// <summary>What checking an e-mail address and password found: a user, nothing (the same for every reason), or a wait.</summary>
public sealed record CredentialOutcome(ApplicationUser? User, TimeSpan Wait)
{
    public bool Throttled => Wait > TimeSpan.Zero;
}

/// <summary>
/// The one place that checks a password, for the API and the web pages. Unknown address, wrong password and disabled
/// account fail alike after the same password-hashing work; failures are throttled per account name and client address
/// (<see cref="SignInThrottle"/>), never locked.
/// </summary>
public sealed class CredentialCheck(
    UserManager<ApplicationUser> users,
    IPasswordHasher<ApplicationUser> hasher,
    SignInThrottle throttle,
    ILogger<CredentialCheck> logger)
{
    private static readonly ApplicationUser DecoyUser = new();
    private static string? _decoyHash;

    public async Task<CredentialOutcome> CheckAsync(string? email, string? password, string? clientAddress)
    {
        var key = SignInThrottle.Key(email ?? "", clientAddress);
        var wait = throttle.WaitBeforeNextAttempt(key);
        if (wait > TimeSpan.Zero)
        {
            logger.LogWarning("Sign-in for {Email} from {Address} refused unchecked: throttled for {Seconds} s more.",
                email, clientAddress, Math.Ceiling(wait.TotalSeconds));
            return new CredentialOutcome(null, wait);
        }

        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        var passwordMatches = user is null
            ? DecoyCheck(password ?? "")
            : await users.CheckPasswordAsync(user, password ?? "");
        if (user is null || !passwordMatches || await users.IsLockedOutAsync(user))
        {
            var delay = throttle.RecordFailure(key);
            if (delay > TimeSpan.Zero)
            {
                logger.LogWarning("Repeated failed sign-ins for {Email} from {Address}: the next attempt waits {Seconds} s.",
                    email, clientAddress, delay.TotalSeconds);
            }

            return new CredentialOutcome(null, TimeSpan.Zero);
        }

        throttle.RecordSuccess(key);
        return new CredentialOutcome(user, TimeSpan.Zero);
    }

    /// <summary>The same hashing work as checking a real account's password, so that timing does not tell who has an account.</summary>
    private bool DecoyCheck(string password)
    {
        hasher.VerifyHashedPassword(DecoyUser, _decoyHash ??= hasher.HashPassword(DecoyUser, Guid.NewGuid().ToString("N")), password);
        return false;
    }
}
