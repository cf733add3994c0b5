using GrantHub.Api.Infrastructure.Email;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Organisations;

/// <summary>
/// What invitees and owners are told, in-app and by e-mail through the outbox when SMTP is configured. Subjects are
/// fixed phrases; an at-risk organisation is never named, and for one the invitee's address stays out too.
/// </summary>
public sealed class InvitationNotifications(GrantHubDbContext db, Notifier notifier)
{
    private const string Link = "/api/me/invitations";

    /// <summary>Tells the account that holds the invited address, if there is one; a later registrant finds it in their list.</summary>
    public async Task InvitedAsync(OrganisationInvitation invitation, Organisation organisation, CancellationToken cancellationToken)
    {
        var invitee = await db.Users.Where(u => u.NormalizedEmail == invitation.NormalizedEmail).Select(u => u.Id).ToListAsync(cancellationToken);
        var message = new NotificationMessage(
            "organisation-invitation",
            "Invitation to join an organisation",
            $"{organisation.NameInMessages("An organisation")} invites you to join it as {invitation.Role}. " +
            "Open your invitations to accept or decline.",
            Link);
        await notifier.NotifyAsync(invitee, message, $"organisation-invited:{invitation.Id:N}", cancellationToken);
    }

    /// <summary>Tells the organisation's owners that an invitation was accepted or declined.</summary>
    public async Task AnsweredAsync(OrganisationInvitation invitation, Organisation organisation, CancellationToken cancellationToken)
    {
        var answer = invitation.Status.ToString().ToLowerInvariant();
        var body = organisation.Sensitive
            ? $"An invitation to join your organisation was {answer}."
            : $"The invitation of {invitation.Email} to join {organisation.Name} as {invitation.Role} was {answer}.";
        var owners = await db.OrganisationMembers
            .Where(m => m.OrganisationId == organisation.Id && m.Role == MembershipRole.Owner)
            .Select(m => m.UserId)
            .ToListAsync(cancellationToken);
        await notifier.NotifyAsync(
            owners,
            new NotificationMessage("organisation-invitation-answered", $"Invitation {answer}", body, $"/api/organisations/{organisation.Id}"),
            $"organisation-invitation-answered:{invitation.Id:N}",
            cancellationToken);
    }
}
