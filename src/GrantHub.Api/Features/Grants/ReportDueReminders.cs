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
/// Set-based: two queries whatever the number of grants, then one <see cref="Notifier.NotifyManyAsync"/>, which
/// inserts them with a few multi-row INSERTs that skip every key already present.
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

        var leadMembers = (await open
                .Join(db.OrganisationMembers, x => x.Grant.LeadOrganisationId, m => m.OrganisationId, (_, m) => new { m.OrganisationId, m.UserId })
                .Distinct()
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
            ? $"The {Describe(report)} was due on {Day(report.DueOn)} and {NotIn(report)} yet ({Late(report.DueOn, today)})."
            : $"The {Describe(report)} is due on {Day(report.DueOn)}, {Until(report.DueOn, today)}.";
        var changes = urgency != Urgency.Overdue && report.Status == ReportStatus.ChangesRequested
            ? " The programme officer asked for changes to it: resubmit it with them."
            : "";
        var todo = urgency == Urgency.Overdue
            ? " What to do: submit it in GrantHub as soon as you can; if you cannot, tell your programme officer when it will come."
            : " What to do: a member of the lead organisation submits it in GrantHub (open the grant, choose this report, and give the narrative, "
                + "the spending to date, the achievements and the risks: one combined narrative and financial report).";
        var tranche = report.Kind == ReportKind.Annual
            ? " A tranche that waits for this report is paid only once it is accepted."
            : "";
        return new NotificationMessage(KindOf(urgency), Subject(report, urgency), what + changes + todo + tranche, Link(report));
    }

    private static NotificationMessage OfficerMessage(OpenReport report, Urgency urgency, DateOnly today)
    {
        var what = urgency == Urgency.Overdue
            ? $"The {Describe(report)} was due on {Day(report.DueOn)} and {NotIn(report)} by the lead organisation yet ({Late(report.DueOn, today)})."
            : $"The {Describe(report)} is due on {Day(report.DueOn)}, {Until(report.DueOn, today)}; it {NotIn(report)} by the lead organisation yet.";
        var todo = urgency == Urgency.Overdue
            ? " What to do: contact the lead organisation and agree when the report will come."
            : " Nothing to do yet: you review it once it is submitted.";
        return new NotificationMessage(
            KindOf(urgency),
            Subject(report, urgency),
            what + todo + " You receive this as the programme officer who awarded the grant.",
            Link(report));
    }

    /// <summary>Subjects name the grant by its number only, never an organisation (at-risk organisations must not show on lock screens).</summary>
    private static string Subject(OpenReport report, Urgency urgency) => urgency switch
    {
        Urgency.Overdue => $"Overdue: grant {report.GrantNumber} {Which(report)} was due on {Day(report.DueOn)}",
        Urgency.DueIn7Days => $"Due soon: grant {report.GrantNumber} {Which(report)} is due on {Day(report.DueOn)}",
        _ => $"Reminder: grant {report.GrantNumber} {Which(report)} is due on {Day(report.DueOn)}",
    };

    private static string KindOf(Urgency urgency) => urgency == Urgency.Overdue ? OverdueKind : DueKind;

    private static string Which(OpenReport report) =>
        report.Kind == ReportKind.Final ? "final report" : $"annual report for year {report.PeriodYear}";

    private static string Describe(OpenReport report)
    {
        var period = new GrantPeriod(report.StartDate, report.EndDate);
        var covers = $"{Day(period.YearStart(report.PeriodYear))} to {Day(period.YearEnd(report.PeriodYear))}";
        return report.Kind == ReportKind.Final
            ? $"final report of grant {report.GrantNumber} (on its last year, {covers}, and on the grant as a whole)"
            : $"annual report for year {report.PeriodYear} of grant {report.GrantNumber} (covering {covers})";
    }

    private static string NotIn(OpenReport report) => report.Status == ReportStatus.ChangesRequested
        ? "has not been resubmitted with the changes asked for"
        : "has not been submitted";

    private static string Until(DateOnly dueOn, DateOnly today) => (dueOn.DayNumber - today.DayNumber) switch
    {
        0 => "today",
        1 => "tomorrow",
        var days => $"in {days} days",
    };

    private static string Late(DateOnly dueOn, DateOnly today) => (today.DayNumber - dueOn.DayNumber) switch
    {
        1 => "1 day late",
        var days => $"{days} days late",
    };

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Link(OpenReport report) => $"/api/grants/{report.GrantId}";

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
