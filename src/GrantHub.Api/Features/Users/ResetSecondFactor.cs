using GrantHub.Api.Features.Auth;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Common;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Features.Users;

/// <summary>An admin takes away an account's second factor (a lost phone, a suspected takeover); audited by the account's id only.</summary>
public record ResetSecondFactorCommand(Guid Id) : ICommand<SecondFactorResetResponse>, IHasId;

public record SecondFactorResetResponse(Guid Id, bool Enabled) : IHasId;

/// <summary>
/// The authenticator key and recovery codes are replaced by nothing anyone holds and every session ends, so the account
/// signs in with its password alone; staff then can do nothing but enrol again.
/// </summary>
public sealed class ResetSecondFactorHandler(UserManager<ApplicationUser> users, IUserStore<ApplicationUser> store, AccountSessions sessions)
    : ICommandHandler<ResetSecondFactorCommand, SecondFactorResetResponse>
{
    public async ValueTask<SecondFactorResetResponse> Handle(ResetSecondFactorCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw new NotFoundException("User", command.Id);
        await TwoFactorAccount.RemoveAsync(users, store, user, cancellationToken);
        await sessions.RevokeAllAsync(user.Id, cancellationToken);
        return new SecondFactorResetResponse(user.Id, Enabled: false);
    }
}
