using System.Globalization;
using System.Security.Claims;
using System.Text;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Features.Auth;

/// <summary>
/// The second factor of a sign-in: a time-based code from an authenticator app (RFC 6238, Identity's authenticator token
/// provider) or a single-use recovery code. A session that proved it carries the claim <c>amr = mfa</c>, as Identity's
/// own two-factor sign-in writes it. Admins, programme officers and finance officers act only in such a session.
/// </summary>
public static class SecondFactor
{
    public const string RequiredRule = "second-factor-required";
    public const string MethodClaim = "amr";
    public const string MethodValue = "mfa";
    public const string Issuer = "GrantHub";
    public const int RecoveryCodeCount = 10;

    public static readonly IReadOnlyList<string> RequiredForRoles = [Roles.Admin, Roles.ProgrammeOfficer, Roles.FinanceOfficer];

    public static Claim Proof => new(MethodClaim, MethodValue);

    public static bool IsRequiredFor(ClaimsPrincipal user) => RequiredForRoles.Any(user.IsInRole);

    public static bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(RequiredForRoles.Contains);

    public static bool WasProvedBy(ClaimsPrincipal user) => user.HasClaim(MethodClaim, MethodValue);

    /// <summary>The proof of a second factor moves with a session when its principal is rebuilt (a bearer token's refresh).</summary>
    public static void CarryProof(ClaimsPrincipal from, ClaimsPrincipal to)
    {
        if (WasProvedBy(from) && !WasProvedBy(to) && to.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(Proof);
        }
    }

    /// <summary>The key in groups of four, as people type it into an authenticator app.</summary>
    public static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(grouped.Length == 0 ? "" : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return grouped.ToString().ToLowerInvariant();
    }

    /// <summary>The otpauth:// address an authenticator app reads (Key URI format: issuer, account, secret; SHA-1, 6 digits, 30 s).</summary>
    public static string AuthenticatorUri(string email, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");

    /// <summary>A typed code without the spaces or hyphens people add.</summary>
    public static string NormaliseCode(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    /// <summary>Identity's recovery codes read <c>XXXXX-XXXXX</c>; people type them in any case, with or without the hyphen.</summary>
    public static string NormaliseRecoveryCode(string code)
    {
        var plain = NormaliseCode(code).ToUpperInvariant();
        return plain.Length == 10 ? $"{plain[..5]}-{plain[5..]}" : plain;
    }

    public static Task<bool> VerifyCodeAsync(UserManager<ApplicationUser> users, ApplicationUser user, string code) =>
        users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, NormaliseCode(code));
}

/// <summary>What checking a second factor found: passed, failed, or a wait before the next attempt is even checked.</summary>
public sealed record SecondFactorOutcome(bool Passed, TimeSpan Wait)
{
    public bool Throttled => Wait > TimeSpan.Zero;
}

/// <summary>
/// The one place that checks the second factor of a sign-in, for the API and the web pages. Wrong codes are throttled like
/// wrong passwords, per account and client address; a recovery code works once.
/// </summary>
public sealed class SecondFactorCheck(UserManager<ApplicationUser> users, SignInThrottle throttle, ILogger<SecondFactorCheck> logger)
{
    public async Task<SecondFactorOutcome> CheckAsync(ApplicationUser user, string? code, string? recoveryCode, string? clientAddress)
    {
        var key = SignInThrottle.Key($"second-factor:{user.Id}", clientAddress);
        var wait = throttle.WaitBeforeNextAttempt(key);
        if (wait > TimeSpan.Zero)
        {
            return new SecondFactorOutcome(false, wait);
        }

        var passed = !string.IsNullOrWhiteSpace(code)
            ? await SecondFactor.VerifyCodeAsync(users, user, code)
            : !string.IsNullOrWhiteSpace(recoveryCode)
              && (await users.RedeemTwoFactorRecoveryCodeAsync(user, SecondFactor.NormaliseRecoveryCode(recoveryCode))).Succeeded;
        if (!passed)
        {
            throttle.RecordFailure(key);
            logger.LogWarning("Wrong second factor for {UserId} from {Address}.", user.Id, clientAddress);
            return new SecondFactorOutcome(false, TimeSpan.Zero);
        }

        throttle.RecordSuccess(key);
        return new SecondFactorOutcome(true, TimeSpan.Zero);
    }
}
