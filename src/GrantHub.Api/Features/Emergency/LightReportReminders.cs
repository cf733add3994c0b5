using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

public record LightReportRemindersCommand : ICommand<SweepResult>;

/// <summary>
/// The light report after emergency money is optional, so its organisation is reminded once and only once: within the
/// last <see cref="ReminderDays"/> days before it is due, if it has not been sent. Nothing follows the due date: no
/// overdue reminder, no alert to staff. One event per request, so the sweep may run as often, and on as many servers,
/// as it likes.
/// </summary>
public sealed class LightReportRemindersHandler(GrantHubDbContext db, Notifier notifier, TimeProvider clock)
    : ICommandHandler<LightReportRemindersCommand, SweepResult>
{
    public const int ReminderDays = 7;
    public const string Kind = "emergency-light-report-due";

    public async ValueTask<SweepResult> Handle(LightReportRemindersCommand command, CancellationToken cancellationToken)
    {
        var today = clock.UtcToday();
        // Paid between DueDays and DueDays - ReminderDays days ago: the report is due within the next ReminderDays days.
        var paidFrom = today.AddDays(-EmergencyLightReport.DueDays);
        var paidUntil = today.AddDays(ReminderDays - EmergencyLightReport.DueDays);
        var due = await db.EmergencyRequests
            .Where(r => r.Status == EmergencyRequestStatus.Paid && r.PaidOn >= paidFrom && r.PaidOn <= paidUntil)
            .Where(r => !db.EmergencyLightReports.Any(l => l.EmergencyRequestId == r.Id))
            .Select(r => new { r.Id, r.OrganisationId, PaidOn = r.PaidOn!.Value })
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return new SweepResult(0);
        }

        var organisations = due.Select(r => r.OrganisationId).Distinct().ToList();
        var members = (await db.OrganisationMembers
                .Where(m => organisations.Contains(m.OrganisationId))
                .Select(m => new { m.OrganisationId, m.UserId })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.OrganisationId, m => m.UserId);
        var reminders = due.SelectMany(request => members[request.OrganisationId].Select(userId => new OutgoingNotification(
            userId,
            new NotificationMessage(
                Kind,
                new NotificationText("emergency-light-report-due.Subject"),
                new NotificationText(
                    "emergency-light-report-due.Body",
                    request.PaidOn.ToDateTime(TimeOnly.MinValue),
                    request.PaidOn.AddDays(EmergencyLightReport.DueDays).ToDateTime(TimeOnly.MinValue)),
                $"/emergency/{request.Id}"),
            $"{Kind}:{request.Id:N}")));
        var sent = await notifier.NotifyManyAsync(reminders, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new SweepResult(sent, Found: due.Count);
    }
}

public sealed class LightReportRemindersJob(IMediator mediator) : IRecurringJob
{
    public const string Id = "emergency:light-report-reminders";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new LightReportRemindersCommand(), cancellationToken);
}
