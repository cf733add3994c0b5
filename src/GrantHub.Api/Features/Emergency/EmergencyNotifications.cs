using System.Globalization;
using GrantHub.Api.Infrastructure;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using GrantHub.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

/// <summary>
/// Who hears about an emergency request and what they read. Texts name the organisation only when it is not
/// sensitive and never quote the justification.
/// </summary>
public sealed class EmergencyNotifications(GrantHubDbContext db, Notifier notifier)
{
    public const string Kind = "emergency";

    public async Task SubmittedAsync(EmergencyRequest request, CancellationToken cancellationToken)
    {
        var about = await DescribeAsync(request, cancellationToken);
        await notifier.NotifyAsync(
            await UsersInRoleAsync(Roles.FinanceOfficer, cancellationToken),
            new NotificationMessage(
                Kind,
                $"New emergency request{about.ForOrganisation}: {about.Amount}",
                $"A {request.Category} request{about.ForOrganisation} for {about.Amount} was submitted. " +
                $"A decision is promised by {Utc(request.DecisionDueAt)}.",
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
                $"Emergency request{about.ForOrganisation} rejected",
                $"The request for {about.Amount} was not approved. Reason: {request.RejectionReason}",
                Link(request))
            : new NotificationMessage(
                Kind,
                $"Emergency request{about.ForOrganisation} approved",
                $"The request for {about.Amount} was approved; finance will record the payment.",
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
                $"Emergency funds{about.ForOrganisation} paid",
                $"{about.Amount} was paid on {request.PaidOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} (reference {request.PaymentReference}).",
                Link(request)),
            $"emergency-paid:{request.Id}",
            cancellationToken);
    }

    public async Task EscalatedAsync(EmergencyRequest request, IReadOnlyList<Guid> financeOfficers, CancellationToken cancellationToken)
    {
        var about = await DescribeAsync(request, cancellationToken);
        await notifier.NotifyAsync(
            financeOfficers,
            new NotificationMessage(
                Kind,
                $"Escalation: emergency request{about.ForOrganisation} still undecided",
                $"The request for {about.Amount}, submitted {Utc(request.SubmittedAt)}, has no decision yet. " +
                $"The decision is promised by {Utc(request.DecisionDueAt)}.",
                Link(request)),
            $"emergency-escalated:{request.Id}",
            cancellationToken);
    }

    public async Task BreachedAsync(EmergencyRequest request, IReadOnlyList<Guid> staff, CancellationToken cancellationToken)
    {
        var about = await DescribeAsync(request, cancellationToken);
        await notifier.NotifyAsync(
            staff,
            new NotificationMessage(
                Kind,
                $"Decision promise broken: emergency request{about.ForOrganisation}",
                $"The request for {about.Amount} was due for a decision by {Utc(request.DecisionDueAt)} and is still undecided.",
                Link(request)),
            $"emergency-breached:{request.Id}",
            cancellationToken);
    }

    public async Task<List<Guid>> UsersInRoleAsync(string role, CancellationToken cancellationToken) =>
        await db.UserRoles
            .Join(db.Roles.Where(r => r.Name == role), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);

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

    private async Task<(string ForOrganisation, string Amount)> DescribeAsync(EmergencyRequest request, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == request.OrganisationId)
            .Select(o => new { o.Name, o.Sensitive })
            .SingleAsync(cancellationToken);
        var digits = Currencies.MinorUnitDigits(request.Currency);
        var amount = Money.FromMinorUnits(request.Amount, request.Currency).ToString("N" + digits, CultureInfo.InvariantCulture);
        return (organisation.Sensitive ? "" : $" of {organisation.Name}", $"{amount} {request.Currency}");
    }

    private static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Link(EmergencyRequest request) => $"/api/emergency-requests/{request.Id}";
}
