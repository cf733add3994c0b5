using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Features.Auth;

public record BeginTwoFactorEnrolmentCommand : ICommand<TwoFactorSetupResponse>;

/// <summary>
/// A new authenticator key for an account not yet enrolled (any key it had waiting is replaced). The key is stored without
/// changing the security stamp, so the session that asked for it stays signed in to finish enrolling.
/// </summary>
public sealed class BeginTwoFactorEnrolmentHandler(UserManager<ApplicationUser> users, IUserStore<ApplicationUser> store, ICurrentUser currentUser)
    : ICommandHandler<BeginTwoFactorEnrolmentCommand, TwoFactorSetupResponse>
{
    public async ValueTask<TwoFactorSetupResponse> Handle(BeginTwoFactorEnrolmentCommand command, CancellationToken cancellationToken)
    {
        var user = await TwoFactorAccount.CurrentAsync(users, currentUser);
        if (user.TwoFactorEnabled)
        {
            throw new BusinessRuleException("second-factor-already-enrolled",
                "This account already signs in with a second factor. Turn it off first to enrol another authenticator app.");
        }

        var key = users.GenerateNewAuthenticatorKey();
        await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(user, key, cancellationToken);
        await users.UpdateAsync(user);
        return TwoFactorAccount.Setup(user, key);
    }
}
