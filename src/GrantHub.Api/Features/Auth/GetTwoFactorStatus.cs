using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Features.Auth;

public record GetTwoFactorStatusQuery : IQuery<TwoFactorStatusResponse>;

/// <summary>The key to type into an authenticator app (also in groups of four) and the otpauth:// address that carries it.</summary>
public record TwoFactorSetupResponse(string SharedKey, string GroupedKey, string AuthenticatorUri);

/// <summary>
/// Whether the account signs in with a second factor, whether its roles require one, how many recovery codes are left, and,
/// while it is not enrolled but has a key waiting, that key (to finish enrolling with a first code).
/// </summary>
public record TwoFactorStatusResponse(bool Enabled, bool Required, int RecoveryCodesLeft, TwoFactorSetupResponse? Setup);

public sealed class GetTwoFactorStatusHandler(UserManager<ApplicationUser> users, ICurrentUser currentUser)
    : IQueryHandler<GetTwoFactorStatusQuery, TwoFactorStatusResponse>
{
    public async ValueTask<TwoFactorStatusResponse> Handle(GetTwoFactorStatusQuery query, CancellationToken cancellationToken)
    {
        var user = await TwoFactorAccount.CurrentAsync(users, currentUser);
        var required = SecondFactor.IsRequiredFor(await users.GetRolesAsync(user));
        if (user.TwoFactorEnabled)
        {
            return new TwoFactorStatusResponse(true, required, await users.CountRecoveryCodesAsync(user), null);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        return new TwoFactorStatusResponse(false, required, 0, key is null ? null : TwoFactorAccount.Setup(user, key));
    }
}

/// <summary>The signed-in account, as the two-factor use cases read and change it.</summary>
public static class TwoFactorAccount
{
    public static async Task<ApplicationUser> CurrentAsync(UserManager<ApplicationUser> users, ICurrentUser currentUser) =>
        await users.FindByIdAsync(currentUser.RequiredId().ToString()) ?? throw new NotFoundException("User", currentUser.RequiredId());

    public static TwoFactorSetupResponse Setup(ApplicationUser user, string key) =>
        new(key, SecondFactor.Grouped(key), SecondFactor.AuthenticatorUri(user.Email!, key));

    /// <summary>
    /// No second factor any more: enrolment off, a new key nobody has seen (the old app's codes stop working), no recovery
    /// codes. The security stamp changes, so every session ends; the caller deletes them too.
    /// </summary>
    public static async Task RemoveAsync(UserManager<ApplicationUser> users, IUserStore<ApplicationUser> store, ApplicationUser user, CancellationToken cancellationToken)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await ((IUserTwoFactorRecoveryCodeStore<ApplicationUser>)store).ReplaceCodesAsync(user, [], cancellationToken);
        await users.ResetAuthenticatorKeyAsync(user);
    }
}
