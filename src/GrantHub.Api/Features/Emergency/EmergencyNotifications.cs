using GrantHub.Api.Infrastructure.Email;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using GrantHub.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

/// <summary>
/// Who hears about an emergency request and what they read. Texts name the organisation only when it is not
/// sensitive and never quote the justification or a release reason.
/// </summary>
public sealed class EmergencyNotifications(GrantHubDbContext db, Notifier notifier)
{
    public const string Kind = "emergency";

    private const int OrganisationsPerLookup = 500;

    public async Task SubmittedAsync(EmergencyRequest request, CancellationToken cancellationToken)
    {
        var about = await DescribeAsync(request, cancellationToken);
        var financeOfficers = (await StaffInRolesAsync([Roles.FinanceOfficer], cancellationToken)).Select(s => s.UserId);
        await notifier.NotifyAsync(
            financeOfficers,
            new NotificationMessage(
                Kind,
                new NotificationText("emergency-submitted.Subject", about.OfOrganisation, about.Amount),
                new NotificationText(
                    "emergency-submitted.Body", new NotificationText($"EmergencyCategory.{request.Category}"), about.OfOrganisation, about.Amount, Utc(request.DecisionDueAt)),
                Link(request)),
            $"emergency-submitted:{request.Id}",
            cancellationToken);
    }

    public async Task DecidedAsync(EmergencyRequest request, CancellationToken cancellationToken)
    {
        var about = await DescribeAsync(request, cancellationToken);
        var message = request.Status == EmergencyRequestStatus.Rejected
            ? new NotificationMessage(
                Kind,
                new NotificationText("emergency-rejected.Subject", about.OfOrganisation),
                // The reason stays on the request, encrypted and behind sign-in: notifications are stored in clear and e-mailed.
                new NotificationText("emergency-rejected.Body", about.Amount),
                Link(request))
            : new NotificationMessage(
                Kind,
                new NotificationText("emergency-approved.Subject", about.OfOrganisation),
                new NotificationText("emergency-approved.Body", about.Amount),
                Link(request));
        await notifier.NotifyAsync(await RequestingSideAsync(request, cancellationToken), message, $"emergency-decided:{request.Id}", cancellationToken);
    }

    public async Task PaidAsync(EmergencyRequest request, CancellationToken cancellationToken)
    {
        var about = await DescribeAsync(request, cancellationToken);
        await notifier.NotifyAsync(
            await RequestingSideAsync(request, cancellationToken),
            new NotificationMessage(
                Kind,
                new NotificationText("emergency-paid.Subject", about.OfOrganisation),
                new NotificationText("emergency-paid.Body", about.Amount, request.PaidOn, request.PaymentReference),
                Link(request)),
            $"emergency-paid:{request.Id}",
            cancellationToken);
    }

    /// <summary>The reason stays on the request (behind sign-in): e-mail bodies travel further than the API.</summary>
    public async Task ReleasedAsync(EmergencyRequest request, CancellationToken cancellationToken)
    {
        var about = await DescribeAsync(request, cancellationToken);
        await notifier.NotifyAsync(
            await RequestingSideAsync(request, cancellationToken),
            new NotificationMessage(
                Kind,
                new NotificationText("emergency-released.Subject", about.OfOrganisation),
                new NotificationText("emergency-released.Body", about.Amount),
                Link(request)),
            $"emergency-released:{request.Id}",
            cancellationToken);
    }

    /// <summary>
    /// The sweep's notifications for every request it escalated or found in breach, in a constant number of queries
    /// however many requests are due: escalations go to finance officers, breaches to finance and programme officers.
    /// </summary>
    public async Task OverdueAsync(
        IReadOnlyCollection<EmergencyRequest> escalated,
        IReadOnlyCollection<EmergencyRequest> breached,
        CancellationToken cancellationToken)
    {
        if (escalated.Count == 0 && breached.Count == 0)
        {
            return;
        }

        var staff = await StaffInRolesAsync([Roles.FinanceOfficer, Roles.ProgrammeOfficer], cancellationToken);
        var financeOfficers = staff.Where(s => s.Role == Roles.FinanceOfficer).Select(s => s.UserId).Distinct().ToList();
        var financeAndProgrammeOfficers = staff.Select(s => s.UserId).Distinct().ToList();
        var about = await DescribeAllAsync([.. escalated, .. breached], cancellationToken);

        var escalations = escalated.SelectMany(request => financeOfficers.Select(recipient => new OutgoingNotification(
            recipient,
            new NotificationMessage(
                Kind,
                new NotificationText("emergency-escalated.Subject", about[request.Id].OfOrganisation),
                new NotificationText("emergency-escalated.Body", about[request.Id].Amount, Utc(request.SubmittedAt), Utc(request.DecisionDueAt)),
                Link(request)),
            $"emergency-escalated:{request.Id}")));
        var breaches = breached.SelectMany(request => financeAndProgrammeOfficers.Select(recipient => new OutgoingNotification(
            recipient,
            new NotificationMessage(
                Kind,
                new NotificationText("emergency-breached.Subject", about[request.Id].OfOrganisation),
                new NotificationText("emergency-breached.Body", about[request.Id].Amount, Utc(request.DecisionDueAt)),
                Link(request)),
            $"emergency-breached:{request.Id}")));
        await notifier.NotifyManyAsync(escalations.Concat(breaches), cancellationToken);
    }

    private async Task<List<(Guid UserId, string Role)>> StaffInRolesAsync(string[] roles, CancellationToken cancellationToken)
    {
        var members = await db.UserRoles
            .Join(db.Roles.Where(r => roles.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, Role = r.Name! })
            .ToListAsync(cancellationToken);
        return [.. members.Select(m => (m.UserId, m.Role))];
    }

    private async Task<List<Guid>> RequestingSideAsync(EmergencyRequest request, CancellationToken cancellationToken)
    {
        var recipients = await db.OrganisationMembers
            .Where(m => m.OrganisationId == request.OrganisationId)
            .Select(m => m.UserId)
            .ToListAsync(cancellationToken);
        if (request.EnteredBy is { } officer)
        {
            recipients.Add(officer);
        }

        return recipients;
    }

    private async Task<Description> DescribeAsync(EmergencyRequest request, CancellationToken cancellationToken) =>
        (await DescribeAllAsync([request], cancellationToken))[request.Id];

    /// <summary>How each request is named in texts, by request id, from one organisation lookup per 500 organisations.</summary>
    private async Task<Dictionary<Guid, Description>> DescribeAllAsync(IReadOnlyCollection<EmergencyRequest> requests, CancellationToken cancellationToken)
    {
        var organisations = new Dictionary<Guid, (string Name, bool Sensitive)>();
        foreach (var ids in requests.Select(r => r.OrganisationId).Distinct().Chunk(OrganisationsPerLookup))
        {
            var found = await db.Organisations.AsNoTracking()
                .Where(o => ids.Contains(o.Id))
                .Select(o => new { o.Id, o.Name, o.Sensitive })
                .ToListAsync(cancellationToken);
            foreach (var organisation in found)
            {
                organisations[organisation.Id] = (organisation.Name, organisation.Sensitive);
            }
        }

        var descriptions = new Dictionary<Guid, Description>();
        foreach (var request in requests)
        {
            var (name, sensitive) = organisations[request.OrganisationId];
            descriptions[request.Id] = new Description(
                sensitive ? null : new NotificationText("emergency.OfOrganisation", name), NotificationAmount.Of(request.Amount));
        }

        return descriptions;
    }

    private static DateTime Utc(DateTimeOffset instant) => instant.UtcDateTime;

    private static string Link(EmergencyRequest request) => $"/emergency/{request.Id}";

    /// <summary>The organisation named in texts (none when it is at risk) and the amount asked for.</summary>
    private sealed record Description(NotificationText? OfOrganisation, NotificationAmount Amount);
}
