using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Features.Auth;

public record RenewRecoveryCodesCommand : ICommand<RecoveryCodesResponse>;

/// <summary>Ten new recovery codes; the old ones stop working.</summary>
public sealed class RenewRecoveryCodesHandler(UserManager<ApplicationUser> users, ICurrentUser currentUser)
    : ICommandHandler<RenewRecoveryCodesCommand, RecoveryCodesResponse>
{
    public async ValueTask<RecoveryCodesResponse> Handle(RenewRecoveryCodesCommand command, CancellationToken cancellationToken)
    {
        var user = await TwoFactorAccount.CurrentAsync(users, currentUser);
        if (!user.TwoFactorEnabled)
        {
            throw new BusinessRuleException("second-factor-not-enrolled", "This account has no second factor, so it has no recovery codes.");
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, SecondFactor.RecoveryCodeCount) ?? [];
        return new RecoveryCodesResponse([.. codes], "New recovery codes: the previous ones no longer work. Keep these somewhere safe.");
    }
}
