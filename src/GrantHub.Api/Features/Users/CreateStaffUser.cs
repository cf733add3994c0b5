using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Common;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Features.Users;

public record CreateStaffUserCommand([property: SensitiveData] string Email, [property: SensitiveData] string Password, [property: SensitiveData] string DisplayName, IReadOnlyList<string> Roles)
    : ICommand<StaffUserResponse>;

public record StaffUserResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles) : IHasId
{
    /// <summary>Disabled by an admin: cannot sign in, every session ended.</summary>
    public bool Disabled { get; init; }

    /// <summary>Signs in with a second factor (an authenticator app).</summary>
    public bool TwoFactorEnabled { get; init; }
}

public sealed class CreateStaffUserValidator : AbstractValidator<CreateStaffUserCommand>
{
    public CreateStaffUserValidator()
    {
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(c => c.Password).NotEmpty();
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Roles).NotEmpty().WithMessage("A staff user needs at least one role.");
        RuleForEach(c => c.Roles).Must(role => GrantHub.Core.Identity.Roles.All.Contains(role))
            .WithMessage($"Roles are {string.Join(", ", GrantHub.Core.Identity.Roles.All)}.");
    }
}

public sealed class CreateStaffUserHandler(UserManager<ApplicationUser> users)
    : ICommandHandler<CreateStaffUserCommand, StaffUserResponse>
{
    public async ValueTask<StaffUserResponse> Handle(CreateStaffUserCommand command, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(command.Email) is not null)
        {
            throw new BusinessRuleException("user-email-taken", "An account with this e-mail address already exists.");
        }

        var user = new ApplicationUser
        {
            UserName = command.Email,
            Email = command.Email,
            EmailConfirmed = true,
            DisplayName = command.DisplayName.Trim(),
        };
        ThrowIfFailed(await users.CreateAsync(user, command.Password), nameof(command.Password));
        var roles = command.Roles.Distinct().ToList();
        ThrowIfFailed(await users.AddToRolesAsync(user, roles), nameof(command.Roles));
        return new StaffUserResponse(user.Id, user.Email, user.DisplayName, roles);
    }

    private static void ThrowIfFailed(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors.Select(e => new FluentValidation.Results.ValidationFailure(field, e.Description)));
        }
    }
}
