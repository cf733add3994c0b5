using GrantHub.Api.Features.Auth;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Features.Users;

public record DisableUserCommand(Guid Id) : ICommand<UserAccessResponse>, IHasId;

public record UserAccessResponse(Guid Id, string Email, bool Disabled) : IHasId;

/// <summary>
/// A disabled account cannot sign in, and its access and refresh tokens stop working on their next request:
/// Identity's lockout end is set to the end of time (sign-in failures never lock; see <see cref="SignInThrottle"/>),
/// the security stamp changes and every session is deleted.
/// </summary>
public sealed class DisableUserHandler(UserManager<ApplicationUser> users, AccountSessions sessions, ICurrentUser currentUser)
    : ICommandHandler<DisableUserCommand, UserAccessResponse>
{
    public async ValueTask<UserAccessResponse> Handle(DisableUserCommand command, CancellationToken cancellationToken)
    {
        if (command.Id == currentUser.RequiredId())
        {
            throw new BusinessRuleException("cannot-disable-self", "An administrator cannot disable her own account.");
        }

        var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw new NotFoundException("User", command.Id);
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        await sessions.RevokeAllAsync(user.Id, cancellationToken);
        return new UserAccessResponse(user.Id, user.Email!, Disabled: true);
    }
}
