using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Features.Auth;

public record ChangePasswordCommand([property: SensitiveData] string CurrentPassword, [property: SensitiveData] string NewPassword)
    : ICommand<PasswordChangedResponse>;

public record PasswordChangedResponse(string Message);

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator(UserManager<ApplicationUser> users)
    {
        RuleFor(c => c.CurrentPassword).NotEmpty();
        RuleFor(c => c.NewPassword).NotEmpty().AcceptablePassword(users);
    }
}

/// <summary>A new password ends every session of the account, this one included: each device signs in again.</summary>
public sealed class ChangePasswordHandler(UserManager<ApplicationUser> users, AccountSessions sessions, ICurrentUser currentUser)
    : ICommandHandler<ChangePasswordCommand, PasswordChangedResponse>
{
    public async ValueTask<PasswordChangedResponse> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(currentUser.RequiredId().ToString()) ?? throw new NotFoundException("User", currentUser.RequiredId());
        var changed = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
        if (!changed.Succeeded)
        {
            throw new ValidationException(changed.Errors.Select(e => new FluentValidation.Results.ValidationFailure(
                e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(command.CurrentPassword) : nameof(command.NewPassword),
                e.Description)));
        }

        await sessions.RevokeAllAsync(user.Id, cancellationToken);
        return new PasswordChangedResponse("Password changed. Every session has ended: sign in again with the new password.");
    }
}
