using System.Globalization;
using GrantHub.Api.Infrastructure;
using GrantHub.Core.Applications;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Decisions;

/// <summary>Every member of the consortium's organisations hears the decision. The subject is a fixed phrase; the body never names an organisation.</summary>
public sealed class DecisionNotifications(GrantHubDbContext db, Notifier notifier)
{
    public async Task DecidedAsync(Application application, Grant? grant, string callTitle, CancellationToken cancellationToken)
    {
        var about = $"The consortium application \"{application.Title}\" to the call \"{callTitle}\"";
        var body = grant is null
            ? $"{about} was not selected for funding. Feedback from the programme officer: {application.DecisionFeedback}"
            : $"{about} was awarded {Amount(grant)} as grant {grant.GrantNumber}, from {grant.StartDate:yyyy-MM-dd} to {grant.EndDate:yyyy-MM-dd}. " +
              "The grant agreement follows for signature." +
              (application.DecisionFeedback is { } feedback ? $" Feedback from the programme officer: {feedback}" : "");
        var organisations = application.Members
            .Where(m => m.Status == ConsortiumMemberStatus.Confirmed)
            .Select(m => m.OrganisationId)
            .ToList();
        var recipients = await db.OrganisationMembers
            .Where(m => organisations.Contains(m.OrganisationId))
            .Select(m => m.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);
        await notifier.NotifyAsync(
            recipients,
            new NotificationMessage("application-decided", "Decision on your consortium application", body, $"/api/applications/{application.Id}"),
            $"application-decided:{application.Id}",
            cancellationToken);
    }

    private static string Amount(Grant grant) =>
        Money.FromMinorUnits(grant.Amount, grant.Currency).ToString("N" + Currencies.MinorUnitDigits(grant.Currency), CultureInfo.InvariantCulture) +
        $" {grant.Currency}";
}
