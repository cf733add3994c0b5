using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Features.Auth;

public record DisableTwoFactorCommand : ICommand<TwoFactorStatusResponse>;

/// <summary>
/// Turns the second factor off (to change phones, for example): the app's codes and the recovery codes stop working and
/// every session ends. Staff whose roles require a second factor can then do nothing but enrol again.
/// </summary>
public sealed class DisableTwoFactorHandler(
    UserManager<ApplicationUser> users,
    IUserStore<ApplicationUser> store,
    AccountSessions sessions,
    ICurrentUser currentUser)
    : ICommandHandler<DisableTwoFactorCommand, TwoFactorStatusResponse>
{
    public async ValueTask<TwoFactorStatusResponse> Handle(DisableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var user = await TwoFactorAccount.CurrentAsync(users, currentUser);
        if (!user.TwoFactorEnabled)
        {
            throw new BusinessRuleException("second-factor-not-enrolled", "This account has no second factor to turn off.");
        }

        await TwoFactorAccount.RemoveAsync(users, store, user, cancellationToken);
        await sessions.RevokeAllAsync(user.Id, cancellationToken);
        return new TwoFactorStatusResponse(false, SecondFactor.IsRequiredFor(await users.GetRolesAsync(user)), 0, null);
    }
}
