using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Applications;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

/// <summary>
/// What consortium members are told. Subjects are fixed phrases (never an organisation's name or other free
/// text); bodies name an organisation only if it is not at risk (else by its alias at most).
/// </summary>
public sealed class ApplicationNotifications(GrantHubDbContext db, Notifier notifier)
{
    /// <summary>
    /// Nothing the inviter wrote (the application's title, the lead's name) reaches an at-risk partner's notifications:
    /// only the call's title, which the donor chose. Each invitation is its own event (keyed by the application's version), so a partner invited again is told again.
    /// </summary>
    public async Task PartnerInvitedAsync(Application application, Organisation lead, Organisation partner, string callTitle, CancellationToken cancellationToken)
    {
        var message = new NotificationMessage(
            "partner-invited",
            new NotificationText("partner-invited.Subject"),
            partner.Sensitive
                ? new NotificationText("partner-invited.Body.AtRisk", callTitle)
                : new NotificationText(
                    "partner-invited.Body",
                    Visibility.NameInMessages(lead.Naming(), new NotificationText("partner-invited.ALead")),
                    partner.Name,
                    application.Title,
                    callTitle),
            $"/applications/{application.Id}/partnership/{partner.Id}");
        await notifier.NotifyAsync(
            await MembersOfAsync([partner.Id], cancellationToken),
            message,
            $"partner-invited:{application.Id:N}:{partner.Id:N}:v{application.Version}",
            cancellationToken);
    }

    public async Task SubmittedAsync(Application application, string callTitle, CancellationToken cancellationToken)
    {
        var message = new NotificationMessage(
            "application-submitted",
            new NotificationText("application-submitted.Subject"),
            new NotificationText(
                "application-submitted.Body",
                application.Title,
                callTitle,
                application.SubmittedAt?.UtcDateTime,
                NotificationAmount.Of(application.RequestedTotal)),
            Link(application));
        var consortium = application.Members.Where(m => m.Status == ConsortiumMemberStatus.Confirmed).Select(m => m.OrganisationId).ToList();
        await notifier.NotifyAsync(
            await MembersOfAsync(consortium, cancellationToken),
            message,
            $"application-submitted:{application.Id:N}",
            cancellationToken);
    }

    private static string Link(Application application) => $"/applications/{application.Id}";

    private async Task<List<Guid>> MembersOfAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken) =>
        await db.OrganisationMembers
            .Where(m => organisationIds.Contains(m.OrganisationId))
            .Select(m => m.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);
}
