using FluentValidation;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Users;

/// <summary>The language the signed-in person's notifications and e-mails are written in from now on (<c>en</c> or <c>fr</c>).</summary>
public record SetPreferredLanguageCommand(string Culture) : ICommand<Unit>;

public sealed class SetPreferredLanguageValidator : AbstractValidator<SetPreferredLanguageCommand>
{
    public SetPreferredLanguageValidator() =>
        RuleFor(c => c.Culture)
            .Must(culture => NotificationTexts.Languages.Any(l => l.Name == culture))
            .WithMessage($"Choose one of: {string.Join(", ", NotificationTexts.Languages.Select(l => l.Name))}.");
}

public sealed class SetPreferredLanguageHandler(GrantHubDbContext db, ICurrentUser currentUser) : ICommandHandler<SetPreferredLanguageCommand, Unit>
{
    public async ValueTask<Unit> Handle(SetPreferredLanguageCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredId();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("User", userId);
        user.PreferredCulture = command.Culture;
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
