using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Features.Auth;

/// <summary>Finishes enrolling with a first code of the authenticator app.</summary>
public record EnableTwoFactorCommand([property: SensitiveData] string Code) : ICommand<RecoveryCodesResponse>;

/// <summary>Single-use recovery codes, shown this once: only their number can be read again.</summary>
public record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes, string Message);

public sealed class EnableTwoFactorValidator : AbstractValidator<EnableTwoFactorCommand>
{
    public EnableTwoFactorValidator() => RuleFor(c => c.Code).NotEmpty().MaximumLength(20);
}

/// <summary>
/// A right code turns the second factor on and gives ten recovery codes. The security stamp changes and every session of
/// the account ends (those signed in with the password alone included): it signs in again with a code.
/// </summary>
public sealed class EnableTwoFactorHandler(UserManager<ApplicationUser> users, AccountSessions sessions, ICurrentUser currentUser)
    : ICommandHandler<EnableTwoFactorCommand, RecoveryCodesResponse>
{
    public async ValueTask<RecoveryCodesResponse> Handle(EnableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var user = await TwoFactorAccount.CurrentAsync(users, currentUser);
        if (user.TwoFactorEnabled)
        {
            throw new BusinessRuleException("second-factor-already-enrolled", "This account already signs in with a second factor.");
        }

        if (await users.GetAuthenticatorKeyAsync(user) is null)
        {
            throw new BusinessRuleException("second-factor-not-started", "Ask for an authenticator key first, add it to the app, then send its code.");
        }

        if (!await SecondFactor.VerifyCodeAsync(users, user, command.Code))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(command.Code),
                "This code is not the one the authenticator app shows now. Check the key was typed in full and the phone's clock is right.")
                { ErrorCode = "WrongSecondFactorCode" }]);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, SecondFactor.RecoveryCodeCount) ?? [];
        await sessions.RevokeAllAsync(user.Id, cancellationToken);
        return new RecoveryCodesResponse([.. codes],
            "The second factor is on. Keep these recovery codes somewhere safe: each works once, instead of a code. Every session has ended: sign in again with a code.");
    }
}
