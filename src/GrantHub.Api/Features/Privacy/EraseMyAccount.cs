using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Privacy;

/// <summary>The password confirms that the person at the keyboard is the account's owner, not a borrowed session.</summary>
public record EraseMyAccountCommand([property: SensitiveData] string Password) : ICommand<AccountErasedResponse>;

/// <summary>The erased account's id, which its audit entry names (never its address).</summary>
public record AccountErasedResponse(Guid Id, string Message) : IHasId;

public sealed class EraseMyAccountValidator : AbstractValidator<EraseMyAccountCommand>
{
    public EraseMyAccountValidator() => RuleFor(c => c.Password).NotEmpty();
}

/// <summary>
/// A person's own account, erased on her request, with the guarantees of the retention sweep: her address, name,
/// telephone, password, second factor, sessions, memberships, notifications and the invitations addressed to her
/// go; the account row stays, anonymous and unable to sign in, because payments, approvals and applications name it
/// by id, and the audit trail (which names accounts by id only) stays verifiable. Staff accounts are not erased this
/// way: who approved or paid is part of the financial record; an administrator disables them. The last owner of an
/// organisation with other members must first hand it over (409 <c>last-owner</c>).
/// </summary>
public sealed class EraseMyAccountHandler(GrantHubDbContext db, UserManager<ApplicationUser> users, ICurrentUser currentUser)
    : ICommandHandler<EraseMyAccountCommand, AccountErasedResponse>
{
    public async ValueTask<AccountErasedResponse> Handle(EraseMyAccountCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw new NotFoundException("User", userId);
        if (!await users.CheckPasswordAsync(user, command.Password))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(command.Password), "The password is not this account's password.")]);
        }

        if (await db.UserRoles.AnyAsync(r => r.UserId == userId, cancellationToken))
        {
            throw new BusinessRuleException(
                "staff-account-erasure",
                "A staff account cannot be erased by its holder: who decided, approved or paid is part of the financial record. Ask an administrator to disable it.");
        }

        var organisations = await db.Organisations.Include(o => o.Members).Where(o => o.Members.Any(m => m.UserId == userId)).ToListAsync(cancellationToken);
        foreach (var organisation in organisations)
        {
            organisation.RemoveErasedMember(userId);
        }

        var addressedToHer = user.NormalizedEmail;
        await db.OrganisationInvitations.Where(i => i.NormalizedEmail == addressedToHer).ExecuteDeleteAsync(cancellationToken);
        await db.Notifications.Where(n => n.RecipientUserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        user.Erase();
        await db.SaveChangesAsync(cancellationToken);
        return new AccountErasedResponse(userId, "Your account is erased: you are signed out everywhere and it can no longer be used.");
    }
}
