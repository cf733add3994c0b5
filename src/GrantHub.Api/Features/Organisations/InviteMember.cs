using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Organisations;

public record InviteMemberRequest(string Email, MembershipRole Role);

/// <summary>The e-mail stays out of the audit trail: who is asked to join an at-risk organisation is itself sensitive.</summary>
public record InviteMemberCommand(Guid Id, [property: SensitiveData] string Email, MembershipRole Role)
    : ICommand<OrganisationInvitationResponse>, IHasId;

public sealed class InviteMemberValidator : AbstractValidator<InviteMemberCommand>
{
    public InviteMemberValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(OrganisationInvitation.MaxEmailLength).EmailAddress();
        RuleFor(c => c.Role).IsInEnum();
    }
}

/// <summary>
/// An owner invites an e-mail address as Owner or Member. The answer never tells whether the address has an
/// account or whose it is (a staff account is refused only when it tries to accept); the account holder is told.
/// One pending invitation per address and organisation.
/// </summary>
public sealed class InviteMemberHandler(
    GrantHubDbContext db,
    Viewer user,
    ILookupNormalizer normalizer,
    TimeProvider clock,
    InvitationNotifications notifications)
    : ICommandHandler<InviteMemberCommand, OrganisationInvitationResponse>
{
    public async ValueTask<OrganisationInvitationResponse> Handle(InviteMemberCommand command, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.Include(o => o.Members).FindVisibleAsync(user, command.Id, cancellationToken);
        var email = command.Email.Trim();
        var normalizedEmail = normalizer.NormalizeEmail(email);
        var invitation = OrganisationInvitation.Create(organisation, user.RequiredId(), email, normalizedEmail, command.Role, clock.GetUtcNow());

        if (await db.OrganisationInvitations.AnyAsync(
                i => i.OrganisationId == organisation.Id && i.NormalizedEmail == normalizedEmail && i.Status == InvitationStatus.Pending,
                cancellationToken))
        {
            throw new BusinessRuleException("invitation-pending", "This address already has a pending invitation to this organisation.");
        }

        db.OrganisationInvitations.Add(invitation);
        await notifications.InvitedAsync(invitation, organisation, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return OrganisationInvitationResponse.From(invitation);
    }
}
