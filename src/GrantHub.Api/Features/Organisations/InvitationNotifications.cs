using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Organisations;

/// <summary>
/// What invitees and owners are told, in-app and by e-mail through the outbox when SMTP is configured. Subjects are
/// fixed phrases; an at-risk organisation is never named (its alias at most), and for one the invitee's address stays out too.
/// </summary>
public sealed class InvitationNotifications(GrantHubDbContext db, Notifier notifier)
{
    /// <summary>The home page lists the invitations to answer.</summary>
    private const string Link = "/home";

    /// <summary>Tells the account that holds the invited address, if there is one; a later registrant finds it in their list.</summary>
    public async Task InvitedAsync(OrganisationInvitation invitation, Organisation organisation, CancellationToken cancellationToken)
    {
        var invitee = await db.Users.Where(u => u.NormalizedEmail == invitation.NormalizedEmail).Select(u => u.Id).ToListAsync(cancellationToken);
        var message = new NotificationMessage(
            "organisation-invitation",
            new NotificationText("organisation-invitation.Subject"),
            new NotificationText(
                "organisation-invitation.Body",
                Visibility.NameInMessages(organisation.Naming(), new NotificationText("organisation-invitation.AnOrganisation")),
                new NotificationText($"MembershipRole.{invitation.Role}")),
            Link);
        await notifier.NotifyAsync(invitee, message, $"organisation-invited:{invitation.Id:N}", cancellationToken);
    }

    /// <summary>Tells the organisation's owners that an invitation was accepted or declined.</summary>
    public async Task AnsweredAsync(OrganisationInvitation invitation, Organisation organisation, CancellationToken cancellationToken)
    {
        var answer = new NotificationText($"InvitationAnswer.{invitation.Status}");
        var body = organisation.Sensitive
            ? new NotificationText("organisation-invitation-answered.Body.AtRisk", answer)
            : new NotificationText(
                "organisation-invitation-answered.Body", invitation.Email, organisation.Name, new NotificationText($"MembershipRole.{invitation.Role}"), answer);
        var owners = await db.OrganisationMembers
            .Where(m => m.OrganisationId == organisation.Id && m.Role == MembershipRole.Owner)
            .Select(m => m.UserId)
            .ToListAsync(cancellationToken);
        await notifier.NotifyAsync(
            owners,
            new NotificationMessage(
                "organisation-invitation-answered",
                new NotificationText("organisation-invitation-answered.Subject", answer),
                body,
                $"/organisations/{organisation.Id}/members"),
            $"organisation-invitation-answered:{invitation.Id:N}",
            cancellationToken);
    }
}
