using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Common;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Features.Users;

/// <summary>Lets a disabled account sign in again; its old tokens stay dead (the stamp changed when it was disabled).</summary>
public record EnableUserCommand(Guid Id) : ICommand<UserAccessResponse>, IHasId;

public sealed class EnableUserHandler(UserManager<ApplicationUser> users)
    : ICommandHandler<EnableUserCommand, UserAccessResponse>
{
    public async ValueTask<UserAccessResponse> Handle(EnableUserCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Id.ToString()) ?? throw new NotFoundException("User", command.Id);
        await users.SetLockoutEndDateAsync(user, null);
        return new UserAccessResponse(user.Id, user.Email!, Disabled: false);
    }
}
