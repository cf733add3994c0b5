using FluentValidation;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Features.Auth;

/// <summary>A new account; <see cref="PreferredCulture"/> is the language its notifications will be written in (English when none).</summary>
public record RegisterAccountCommand([property: SensitiveData] string Email, [property: SensitiveData] string Password, [property: SensitiveData] string? DisplayName = null, string? PreferredCulture = null)
    : ICommand<RegistrationResponse>;

/// <summary>The same answer whether the address was new or already had an account, so that nobody learns which.</summary>
public record RegistrationResponse(string Message);

public sealed class RegisterAccountValidator : AbstractValidator<RegisterAccountCommand>
{
    public RegisterAccountValidator(UserManager<ApplicationUser> users)
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(256).EmailAddress();
        RuleFor(c => c.Password).NotEmpty().AcceptablePassword(users);
        RuleFor(c => c.DisplayName).MaximumLength(200);
        RuleFor(c => c.PreferredCulture).Must(culture => NotificationTexts.Languages.Any(l => l.Name == culture)).When(c => c.PreferredCulture is not null);
    }
}

public sealed class RegisterAccountHandler(
    UserManager<ApplicationUser> users,
    IPasswordHasher<ApplicationUser> hasher,
    Notifier notifier,
    TimeProvider clock,
    ILogger<RegisterAccountHandler> logger)
    : ICommandHandler<RegisterAccountCommand, RegistrationResponse>
{
    public static readonly RegistrationResponse Answer =
        new("If this address can be registered, the account is ready: sign in with it. If it already had an account, its owner has been told.");

    public async ValueTask<RegistrationResponse> Handle(RegisterAccountCommand command, CancellationToken cancellationToken)
    {
        var email = command.Email.Trim();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            // As long as a new account takes: the password is hashed either way.
            hasher.HashPassword(existing, command.Password);
            await notifier.NotifyAsync(
                [existing.Id],
                new NotificationMessage(
                    "registration-attempt",
                    new NotificationText("registration-attempt.Subject"),
                    new NotificationText("registration-attempt.Body"),
                    null),
                $"registration-attempt:{DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}",
                cancellationToken);
            logger.LogInformation("Registration asked for an address that already has an account ({UserId}); its owner is told.", existing.Id);
            return Answer;
        }

        var user = new ApplicationUser
        {
            UserName = email, Email = email, DisplayName = command.DisplayName?.Trim() ?? "", PreferredCulture = command.PreferredCulture,
        };
        var created = await users.CreateAsync(user, command.Password);
        if (!created.Succeeded)
        {
            throw new ValidationException(created.Errors.Select(e => new FluentValidation.Results.ValidationFailure(
                e.Code.Contains("Password", StringComparison.Ordinal) ? nameof(command.Password) : nameof(command.Email), e.Description)));
        }

        return Answer;
    }
}

public static class PasswordRules
{
    /// <summary>Runs Identity's password validators (length, the common-password list) as a validation rule.</summary>
    public static IRuleBuilderOptions<T, string> AcceptablePassword<T>(this IRuleBuilder<T, string> rule, UserManager<ApplicationUser> users) =>
        rule.MustAsync(async (_, password, context, _) =>
            {
                var failures = new List<string>();
                foreach (var validator in users.PasswordValidators)
                {
                    var result = await validator.ValidateAsync(users, new ApplicationUser(), password);
                    failures.AddRange(result.Errors.Select(e => e.Description));
                }

                context.MessageFormatter.AppendArgument("PasswordProblems", string.Join(" ", failures));
                return failures.Count == 0;
            })
            .WithMessage("{PasswordProblems}");
}
