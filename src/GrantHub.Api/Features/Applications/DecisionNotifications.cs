using GrantHub.Api.Infrastructure.Email;
using GrantHub.Core.Applications;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

/// <summary>Every member of the consortium's organisations hears the decision. The subject is a fixed phrase; the body never names an organisation.</summary>
public sealed class DecisionNotifications(GrantHubDbContext db, Notifier notifier)
{
    public Task DecidedAsync(Application application, Grant? grant, string callTitle, CancellationToken cancellationToken) =>
        NotifyAsync([(application, grant)], callTitle, cancellationToken);

    /// <summary>Every application of a cancelled call, closed as not funded: one look-up of members for all of them.</summary>
    public Task CallCancelledAsync(IReadOnlyCollection<Application> applications, string callTitle, CancellationToken cancellationToken) =>
        NotifyAsync([.. applications.Select(a => (a, (Grant?)null))], callTitle, cancellationToken);

    private async Task NotifyAsync(IReadOnlyCollection<(Application Application, Grant? Grant)> decisions, string callTitle, CancellationToken cancellationToken)
    {
        var confirmedOrganisations = decisions
            .SelectMany(d => d.Application.Members)
            .Where(m => m.Status == ConsortiumMemberStatus.Confirmed)
            .Select(m => m.OrganisationId)
            .Distinct()
            .ToList();
        var membersByOrganisation = (await db.OrganisationMembers
                .Where(m => confirmedOrganisations.Contains(m.OrganisationId))
                .Select(m => new { m.OrganisationId, m.UserId })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.OrganisationId, m => m.UserId);

        var notifications = decisions.SelectMany(decision =>
        {
            var message = new NotificationMessage(
                "application-decided",
                new NotificationText("application-decided.Subject"),
                Body(decision.Application, decision.Grant, callTitle),
                $"/applications/{decision.Application.Id}");
            return decision.Application.Members
                .Where(m => m.Status == ConsortiumMemberStatus.Confirmed)
                .SelectMany(m => membersByOrganisation[m.OrganisationId])
                .Distinct()
                .Select(recipient => new OutgoingNotification(recipient, message, $"application-decided:{decision.Application.Id}"));
        });
        await notifier.NotifyManyAsync(notifications, cancellationToken);
    }

    private static NotificationText Body(Application application, Grant? grant, string callTitle) => grant is null
        ? new NotificationText("application-decided.Body.Rejected", application.Title, callTitle, application.DecisionFeedback)
        : new NotificationText(
            "application-decided.Body.Awarded",
            application.Title,
            callTitle,
            NotificationAmount.Of(grant.Amount),
            grant.GrantNumber,
            grant.StartDate,
            grant.EndDate,
            application.DecisionFeedback is { } feedback ? new NotificationText("application-decided.Feedback", feedback) : null);
}
