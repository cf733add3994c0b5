using System.Globalization;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

public record ReportDueRemindersCommand : ICommand<SweepResult>;

/// <summary>
/// Reminds the lead organisation's members and the grant's programme officer (the officer who awarded it) of every
/// report of an Active grant that is not in yet (Pending, or ChangesRequested and not resubmitted): 30 days before its
/// due date, 7 days before, and once it is overdue.
/// <para>
/// Only the most urgent reminder that applies today is made: a sweep that first sees a report 5 days before its due
/// date sends the 7-day reminder and never the 30-day one, so nobody reads "due in 30 days" about a report due this
/// week. Each reminder is one event per report and due date (a no-cost extension that moves the date brings fresh
/// reminders for the new date), and one notification per recipient per event however often, or on however many
/// servers, the sweep runs. Someone who joins the lead organisation later gets the current reminder at the next run.
/// </para>
/// <para>
/// Set-based: two queries whatever the number of grants, then one <see cref="Notifier.NotifyManyAsync"/>, which reads
/// which reminders are already made and inserts the rest with a few multi-row INSERTs that skip every key present.
/// </para>
/// </summary>
public sealed class ReportDueRemindersHandler(GrantHubDbContext db, Notifier notifier, TimeProvider clock)
    : ICommandHandler<ReportDueRemindersCommand, SweepResult>
{
    public const string DueKind = "report-due";
    public const string OverdueKind = "report-overdue";

    public async ValueTask<SweepResult> Handle(ReportDueRemindersCommand command, CancellationToken cancellationToken)
    {
        var today = clock.UtcToday();
        var horizon = today.AddDays(30);
        var open = db.GrantReports
            .Where(r => (r.Status == ReportStatus.Pending || r.Status == ReportStatus.ChangesRequested) && r.DueOn <= horizon)
            .Join(db.Grants.Where(g => g.Status == GrantStatus.Active), r => r.GrantId, g => g.Id, (r, g) => new { Report = r, Grant = g });

        var reports = await open
            .Select(x => new OpenReport(
                x.Report.Id,
                x.Report.Kind,
                x.Report.PeriodYear,
                x.Report.DueOn,
                x.Report.Status,
                x.Grant.Id,
                x.Grant.GrantNumber,
                x.Grant.StartDate,
                x.Grant.EndDate,
                x.Grant.LeadOrganisationId,
                x.Grant.AwardedBy))
            .ToListAsync(cancellationToken);
        if (reports.Count == 0)
        {
            return new SweepResult(0);
        }

        // By the lead organisations' ids (one JSON parameter) rather than by joining the open reports again: the index
        // on members answers each id directly, where the join read every open report a second time.
        var leadOrganisations = reports.Select(r => r.LeadOrganisationId).Distinct().ToList();
        var leadMembers = (await db.OrganisationMembers
                .Where(m => leadOrganisations.Contains(m.OrganisationId))
                .Select(m => new { m.OrganisationId, m.UserId })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.OrganisationId, m => m.UserId);

        var reminders = reports.SelectMany(report =>
        {
            var urgency = UrgencyOf(report.DueOn, today);
            var eventKey = EventKey(urgency, report.ReportId, report.DueOn);
            var toLead = LeadMessage(report, urgency, today);
            return leadMembers[report.LeadOrganisationId]
                .Select(member => new OutgoingNotification(member, toLead, eventKey))
                .Append(new OutgoingNotification(report.Officer, OfficerMessage(report, urgency, today), eventKey));
        });

        var added = await notifier.NotifyManyAsync(reminders, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new SweepResult(added, Found: reports.Count);
    }

    /// <summary>The one reminder due today for a report due on <paramref name="dueOn"/>, at most 30 days ahead.</summary>
    private static Urgency UrgencyOf(DateOnly dueOn, DateOnly today) => (dueOn.DayNumber - today.DayNumber) switch
    {
        < 0 => Urgency.Overdue,
        <= 7 => Urgency.DueIn7Days,
        _ => Urgency.DueIn30Days,
    };

    private static string EventKey(Urgency urgency, Guid reportId, DateOnly dueOn)
    {
        var reminder = urgency switch
        {
            Urgency.Overdue => "report-overdue",
            Urgency.DueIn7Days => "report-due-7d",
            _ => "report-due-30d",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{reminder}:{reportId:N}:{dueOn:yyyyMMdd}");
    }

    private static NotificationMessage LeadMessage(OpenReport report, Urgency urgency, DateOnly today)
    {
        var what = urgency == Urgency.Overdue
            ? new NotificationText("report-reminder.Lead.Overdue", Describe(report), report.DueOn, NotIn(report), Late(report.DueOn, today))
            : new NotificationText("report-reminder.Lead.Due", Describe(report), report.DueOn, Until(report.DueOn, today));
        var changes = urgency != Urgency.Overdue && report.Status == ReportStatus.ChangesRequested
            ? new NotificationText("report-reminder.Lead.ChangesAsked")
            : null;
        var todo = new NotificationText(urgency == Urgency.Overdue ? "report-reminder.Lead.Todo.Overdue" : "report-reminder.Lead.Todo.Due");
        var tranche = report.Kind == ReportKind.Annual ? new NotificationText("report-reminder.Lead.Tranche") : null;
        return new NotificationMessage(
            KindOf(urgency), Subject(report, urgency), new NotificationText("report-reminder.Lead", what, changes, todo, tranche), Link(report));
    }

    private static NotificationMessage OfficerMessage(OpenReport report, Urgency urgency, DateOnly today)
    {
        var what = urgency == Urgency.Overdue
            ? new NotificationText("report-reminder.Officer.Overdue", Describe(report), report.DueOn, NotIn(report), Late(report.DueOn, today))
            : new NotificationText("report-reminder.Officer.Due", Describe(report), report.DueOn, Until(report.DueOn, today), NotIn(report));
        var todo = new NotificationText(urgency == Urgency.Overdue ? "report-reminder.Officer.Todo.Overdue" : "report-reminder.Officer.Todo.Due");
        return new NotificationMessage(KindOf(urgency), Subject(report, urgency), new NotificationText("report-reminder.Officer", what, todo), Link(report));
    }

    /// <summary>Subjects name the grant by its number only, never an organisation (at-risk organisations must not show on lock screens).</summary>
    private static NotificationText Subject(OpenReport report, Urgency urgency) => new(
        urgency switch
        {
            Urgency.Overdue => "report-reminder.Subject.Overdue",
            Urgency.DueIn7Days => "report-reminder.Subject.DueSoon",
            _ => "report-reminder.Subject.Reminder",
        },
        report.GrantNumber,
        Which(report),
        report.DueOn);

    private static string KindOf(Urgency urgency) => urgency == Urgency.Overdue ? OverdueKind : DueKind;

    private static NotificationText Which(OpenReport report) =>
        report.Kind == ReportKind.Final ? new("report.Which.Final") : new("report.Which.Annual", report.PeriodYear);

    private static NotificationText Describe(OpenReport report)
    {
        var period = new GrantPeriod(report.StartDate, report.EndDate);
        var (from, to) = (period.YearStart(report.PeriodYear), period.YearEnd(report.PeriodYear));
        return report.Kind == ReportKind.Final
            ? new("report.Describe.Final", report.GrantNumber, from, to)
            : new("report.Describe.Annual", report.PeriodYear, report.GrantNumber, from, to);
    }

    private static NotificationText NotIn(OpenReport report) =>
        new(report.Status == ReportStatus.ChangesRequested ? "report.NotIn.Resubmitted" : "report.NotIn.Submitted");

    private static NotificationText Until(DateOnly dueOn, DateOnly today) => (dueOn.DayNumber - today.DayNumber) switch
    {
        0 => new("report.Until.Today"),
        1 => new("report.Until.Tomorrow"),
        var days => new("report.Until.Days", days),
    };

    private static NotificationText Late(DateOnly dueOn, DateOnly today) => (today.DayNumber - dueOn.DayNumber) switch
    {
        1 => new("report.Late.OneDay"),
        var days => new("report.Late.Days", days),
    };

    private static string Link(OpenReport report) => $"/grants/{report.GrantId}";

    /// <summary>How urgent an open report is, counted in whole UTC days to its due date.</summary>
    private enum Urgency
    {
        /// <summary>Due in 8 to 30 days.</summary>
        DueIn30Days,

        /// <summary>Due in 0 (today) to 7 days.</summary>
        DueIn7Days,

        /// <summary>The due date has passed.</summary>
        Overdue,
    }

    private sealed record OpenReport(
        Guid ReportId,
        ReportKind Kind,
        int PeriodYear,
        DateOnly DueOn,
        ReportStatus Status,
        Guid GrantId,
        string GrantNumber,
        DateOnly StartDate,
        DateOnly EndDate,
        Guid LeadOrganisationId,
        Guid Officer);
}

/// <summary>
/// Hourly by default although the windows are whole UTC days: a restart then delays a reminder by an hour at most,
/// even on the embedded in-memory job storage, which forgets a run missed while the process was down; and a run that
/// finds nothing new costs only its queries.
/// </summary>
public sealed class ReportDueRemindersJob(IMediator mediator) : IRecurringJob
{
    public const string Id = "grants:report-reminders";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new ReportDueRemindersCommand(), cancellationToken);
}
