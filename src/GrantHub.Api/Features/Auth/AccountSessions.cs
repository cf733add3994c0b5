using System.Security.Claims;
using GrantHub.Core.Data;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.Auth;

/// <summary>
/// A sign-in is a session, kept as a row of Identity's user-token table (provider <see cref="Provider"/>, name = session id,
/// value = the id of the one refresh token that may still be used). Access tokens carry the session id and the account's
/// security stamp: a bearer request passes only while its session exists, the stamp is unchanged and the account is not
/// disabled. Logging out deletes the session; a password change or a disabled account changes the stamp.
/// </summary>
public sealed class AccountSessions(GrantHubDbContext db, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    public const string Provider = "GrantHub:Session";
    public const string SessionClaim = "granthub:session";
    public const string RefreshClaim = "granthub:refresh";

    public async Task<ClaimsPrincipal> StartAsync(ApplicationUser user, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var session = Guid.NewGuid().ToString("N");
        var refresh = Guid.NewGuid().ToString("N");
        db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = user.Id, LoginProvider = Provider, Name = session, Value = refresh });
        await db.SaveChangesAsync(cancellationToken);
        return WithSession(principal, session, refresh);
    }

    /// <summary>
    /// Spends the refresh token named in <paramref name="principal"/>: the session moves on to a new one. A token that was
    /// already spent is a stolen or replayed copy: the whole session is revoked. Null when the token cannot be used.
    /// </summary>
    public async Task<ClaimsPrincipal?> RotateAsync(Guid userId, ClaimsPrincipal principal, ClaimsPrincipal freshPrincipal, CancellationToken cancellationToken)
    {
        if (principal.FindFirstValue(SessionClaim) is not { } session || principal.FindFirstValue(RefreshClaim) is not { } refresh)
        {
            return null;
        }

        var next = Guid.NewGuid().ToString("N");
        var spent = await db.UserTokens
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == session && t.Value == refresh)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Value, next), cancellationToken);
        if (spent == 1)
        {
            return WithSession(freshPrincipal, session, next);
        }

        await RevokeAsync(userId, session, cancellationToken);
        return null;
    }

    public Task RevokeAsync(Guid userId, string session, CancellationToken cancellationToken) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == session).ExecuteDeleteAsync(cancellationToken);

    public Task RevokeAllAsync(Guid userId, CancellationToken cancellationToken) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider).ExecuteDeleteAsync(cancellationToken);

    /// <summary>A bearer token's check, one query: its session exists, and its account is current (<see cref="Account"/>).</summary>
    public async Task<bool> IsTokenCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        Account(principal) is { } account
        && principal.FindFirstValue(SessionClaim) is { } session
        && await CurrentChecks.TokenIsCurrent(db, account.UserId, account.Stamp, clock.GetUtcNow(), session, cancellationToken);

    /// <summary>A browser cookie's check, one query: its account is current (<see cref="Account"/>).</summary>
    public async Task<bool> IsCookieCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        Account(principal) is { } account
        && await CurrentChecks.AccountIsCurrent(db, account.UserId, account.Stamp, clock.GetUtcNow(), cancellationToken);

    /// <summary>The principal's account and security stamp; null without those claims.</summary>
    private (Guid UserId, string Stamp)? Account(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
        && principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) is { } stamp
            ? (userId, stamp)
            : null;

    /// <summary>
    /// Every authenticated request runs one of these, so they are compiled once: built as ordinary LINQ, EF spent a third
    /// of the check's time building the expression, extracting its parameters and finding it in its cache.
    /// An account is current while its security stamp is still the principal's and it is not disabled.
    /// </summary>
    private static class CurrentChecks
    {
        public static readonly Func<GrantHubDbContext, Guid, string, DateTimeOffset, string, CancellationToken, Task<bool>> TokenIsCurrent =
            EF.CompileAsyncQuery((GrantHubDbContext db, Guid userId, string stamp, DateTimeOffset now, string session, CancellationToken _) =>
                db.Users.Any(u => u.Id == userId && u.SecurityStamp == stamp && (u.LockoutEnd == null || u.LockoutEnd <= now)
                    && db.UserTokens.Any(t => t.UserId == u.Id && t.LoginProvider == Provider && t.Name == session)));

        public static readonly Func<GrantHubDbContext, Guid, string, DateTimeOffset, CancellationToken, Task<bool>> AccountIsCurrent =
            EF.CompileAsyncQuery((GrantHubDbContext db, Guid userId, string stamp, DateTimeOffset now, CancellationToken _) =>
                db.Users.Any(u => u.Id == userId && u.SecurityStamp == stamp && (u.LockoutEnd == null || u.LockoutEnd <= now)));
    }

    private static ClaimsPrincipal WithSession(ClaimsPrincipal principal, string session, string refresh)
    {
        var identity = (ClaimsIdentity)principal.Identity!;
        foreach (var old in identity.FindAll(c => c.Type is SessionClaim or RefreshClaim).ToList())
        {
            identity.RemoveClaim(old);
        }

        identity.AddClaim(new Claim(SessionClaim, session));
        identity.AddClaim(new Claim(RefreshClaim, refresh));
        return principal;
    }
}
