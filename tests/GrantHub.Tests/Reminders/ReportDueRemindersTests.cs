using System.Net;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Features.Organisations;
using GrantHub.Core.Grants;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Reminders;

public class ReportDueRemindersTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Lead_members_and_the_awarding_officer_are_reminded_30_and_7_days_before_and_once_overdue_exactly_once_each()
    {
        var (scenario, report) = await ActiveGrantWithYearOneReportDueIn(40);
        var officer = await factory.UserId(GrantScenarios.OfficerEmail);
        var expected = new HashSet<Guid> { scenario.LeadOwner.Id, scenario.LeadMember.Id, officer };

        factory.AdvanceTo(report.DueOn.AddDays(-31));
        await factory.ReportReminders();
        Assert.Empty(await factory.RemindersAbout(report.Id));

        factory.AdvanceTo(report.DueOn.AddDays(-30));
        await factory.ReportReminders();
        Assert.Equal(0, (await factory.ReportReminders()).Affected);
        var reminders = await factory.RemindersAbout(report.Id);
        Assert.Equal(expected, reminders.Recipients("report-due-30d"));
        Assert.Equal(3, reminders.Count);

        factory.AdvanceTo(report.DueOn.AddDays(-8));
        await factory.ReportReminders();
        Assert.Equal(3, (await factory.RemindersAbout(report.Id)).Count);

        factory.AdvanceTo(report.DueOn.AddDays(-7));
        await factory.ReportReminders();
        await factory.ReportReminders();
        reminders = await factory.RemindersAbout(report.Id);
        Assert.Equal(expected, reminders.Recipients("report-due-7d"));
        Assert.Equal(6, reminders.Count);
        factory.AdvanceTo(report.DueOn);
        await factory.ReportReminders();
        Assert.Equal(6, (await factory.RemindersAbout(report.Id)).Count);

        factory.AdvanceTo(report.DueOn.AddDays(1));
        await factory.ReportReminders();
        Assert.Equal(0, (await factory.ReportReminders()).Affected);
        Assert.Equal(expected, (await factory.RemindersAbout(report.Id)).Recipients("report-overdue"));
        factory.Clock.Advance(TimeSpan.FromDays(20));
        await factory.ReportReminders();
        reminders = await factory.RemindersAbout(report.Id);
        Assert.Equal(expected, reminders.Recipients("report-overdue"));
        Assert.Equal(9, reminders.Count);
        Assert.All(reminders, n => Assert.Equal(1, reminders.Count(other => other.DeduplicationKey == n.DeduplicationKey)));
        Assert.DoesNotContain(scenario.PartnerOwner.Id, reminders.Select(n => n.RecipientUserId));
        Assert.DoesNotContain(scenario.Stranger.Id, reminders.Select(n => n.RecipientUserId));
    }

    [Fact]
    public async Task Reminders_say_which_grant_and_report_when_it_is_due_and_what_to_do()
    {
        var (scenario, report) = await ActiveGrantWithYearOneReportDueIn(30);
        var grant = await factory.GetGrant(scenario);
        var due = report.DueOn.ToString("yyyy-MM-dd");

        await factory.ReportReminders();
        factory.AdvanceTo(report.DueOn.AddDays(3));
        await factory.ReportReminders();

        var reminders = await factory.RemindersAbout(report.Id);
        var toLead = reminders.Single(n => n.RecipientUserId == scenario.LeadMember.Id && n.Reminder() == "report-due-30d");
        Assert.Equal(ReportDueRemindersHandler.DueKind, toLead.Kind);
        Assert.Equal($"Reminder: grant {grant.GrantNumber} annual report for year 1 is due on {due}", toLead.Subject);
        Assert.Contains($"The annual report for year 1 of grant {grant.GrantNumber} (covering {grant.StartDate:yyyy-MM-dd} to ", toLead.Body);
        Assert.Contains($"is due on {due}, in 30 days.", toLead.Body);
        Assert.Contains("What to do: a member of the lead organisation submits it in GrantHub", toLead.Body);
        Assert.Equal($"/grants/{scenario.GrantId}", toLead.Link);

        var officer = await factory.UserId(GrantScenarios.OfficerEmail);
        var overdueToOfficer = reminders.Single(n => n.RecipientUserId == officer && n.Reminder() == "report-overdue");
        Assert.Equal(ReportDueRemindersHandler.OverdueKind, overdueToOfficer.Kind);
        Assert.Equal($"Overdue: grant {grant.GrantNumber} annual report for year 1 was due on {due}", overdueToOfficer.Subject);
        Assert.Contains("has not been submitted by the lead organisation yet (3 days late)", overdueToOfficer.Body);
        Assert.Contains("What to do: contact the lead organisation", overdueToOfficer.Body);
    }

    [Fact]
    public async Task A_sweep_that_first_runs_a_few_days_before_the_due_date_sends_only_the_most_urgent_reminder()
    {
        var (_, report) = await ActiveGrantWithYearOneReportDueIn(5);

        await factory.ReportReminders();
        factory.AdvanceTo(report.DueOn.AddDays(-1));
        await factory.ReportReminders();

        var reminders = await factory.RemindersAbout(report.Id);
        Assert.Equal(["report-due-7d"], reminders.Select(n => n.Reminder()).Distinct());
        Assert.Equal(3, reminders.Count);
        Assert.Contains("is due on", reminders[0].Body);
        Assert.Contains("in 5 days", reminders[0].Body);
    }

    [Fact]
    public async Task A_report_already_overdue_when_first_seen_gets_only_the_overdue_reminder()
    {
        var (_, report) = await ActiveGrantWithYearOneReportDueIn(-10);

        await factory.ReportReminders();

        var reminders = await factory.RemindersAbout(report.Id);
        Assert.Equal(["report-overdue"], reminders.Select(n => n.Reminder()).Distinct());
        Assert.Equal(3, reminders.Count);
        Assert.Contains("(10 days late)", reminders[0].Body);
    }

    [Fact]
    public async Task Submitted_and_accepted_reports_and_grants_that_are_not_active_get_no_reminders()
    {
        var (submitted, submittedReport) = await ActiveGrantWithYearOneReportDueIn(20);
        await (await submitted.LeadMember.Client.SubmitReport(submitted, submittedReport.Id)).ShouldBe(HttpStatusCode.OK);
        var (accepted, acceptedReport) = await ActiveGrantWithYearOneReportDueIn(20);
        await factory.AcceptReport(accepted, acceptedReport.Id);
        var awaitingSignature = await factory.AwardGrant(startDate: StartForYearOneDueIn(20));
        var unsignedReport = (await factory.GetGrant(awaitingSignature)).Reports.Single(r => r.PeriodYear == 1);
        var (terminated, terminatedReport) = await ActiveGrantWithYearOneReportDueIn(20);
        await (await (await factory.Officer()).PostJson($"{terminated.Url}/terminate", new TerminateGrantRequest("The consortium dissolved.")))
            .ShouldBe(HttpStatusCode.OK);

        await factory.ReportReminders();
        factory.AdvanceTo(submittedReport.DueOn.AddDays(5));
        await factory.ReportReminders();

        Assert.Empty(await factory.RemindersAbout(submittedReport.Id));
        Assert.Empty(await factory.RemindersAbout(acceptedReport.Id));
        Assert.Empty(await factory.RemindersAbout(unsignedReport.Id));
        Assert.Empty(await factory.RemindersAbout(terminatedReport.Id));
    }

    [Fact]
    public async Task A_report_sent_back_for_changes_is_reminded_again_with_what_was_asked()
    {
        var (scenario, report) = await ActiveGrantWithYearOneReportDueIn(20);
        await (await scenario.LeadMember.Client.SubmitReport(scenario, report.Id)).ShouldBe(HttpStatusCode.OK);
        await factory.ReportReminders();
        Assert.Empty(await factory.RemindersAbout(report.Id));

        await (await (await factory.Officer()).PostJson(
                $"{scenario.Url}/reports/{report.Id}/review",
                new ReviewReportRequest(ReportOutcome.ChangesRequested, "Add the spending per partner.")))
            .ShouldBe(HttpStatusCode.OK);
        await factory.ReportReminders();

        var toLead = (await factory.RemindersAbout(report.Id)).Single(n => n.RecipientUserId == scenario.LeadOwner.Id);
        Assert.Equal("report-due-30d", toLead.Reminder());
        Assert.Contains("The programme officer asked for changes to it: resubmit it with them.", toLead.Body);
    }

    [Fact]
    public async Task A_no_cost_extension_that_moves_the_final_report_brings_reminders_for_the_new_due_date()
    {
        var scenario = await factory.AwardGrant(startDate: factory.Today().AddDays(-55).AddMonths(-30), durationMonths: 30);
        var grant = await factory.Activate(scenario);
        var final = grant.Reports.Single(r => r.Kind == ReportKind.Final);
        Assert.Equal(factory.Today().AddDays(4), final.DueOn);
        await factory.ReportReminders();
        Assert.Equal(["report-due-7d"], (await factory.RemindersAbout(final.Id)).Select(n => n.Reminder()).Distinct());

        await (await (await factory.Officer()).PostJson(
                $"{scenario.Url}/amendments",
                new AmendGrantRequest(AmendmentKind.NoCostExtension, grant.EndDate.AddMonths(3), null, "Elections delayed the project.")))
            .ShouldBe(HttpStatusCode.Created);
        var moved = (await factory.GetGrant(scenario)).Reports.Single(r => r.Id == final.Id);
        Assert.Equal(ReportKind.Final, moved.Kind);
        await factory.ReportReminders();
        Assert.Equal(3, (await factory.RemindersAbout(final.Id)).Count);

        factory.AdvanceTo(moved.DueOn.AddDays(-30));
        await factory.ReportReminders();

        var forNewDate = (await factory.RemindersAbout(final.Id)).Where(n => n.Reminder() == "report-due-30d").ToList();
        Assert.Equal(3, forNewDate.Count);
        Assert.All(forNewDate, n => Assert.Equal($"Reminder: grant {grant.GrantNumber} final report is due on {moved.DueOn:yyyy-MM-dd}", n.Subject));
    }

    [Fact]
    public async Task Someone_who_joins_the_lead_organisation_later_gets_the_current_reminder_and_nobody_else_a_second_one()
    {
        var (scenario, report) = await ActiveGrantWithYearOneReportDueIn(10);
        await factory.ReportReminders();
        var newcomerEmail = $"newcomer-{Guid.NewGuid():N}@example.org";
        var newcomer = await factory.NewApplicant(newcomerEmail);
        var invitation = await scenario.LeadOwner.Client.InviteTo(scenario.LeadOrganisationId, newcomerEmail);
        await (await newcomer.PostJson($"/api/me/invitations/{invitation.Id}/accept")).ShouldBe(HttpStatusCode.OK);

        var added = await factory.ReportReminders();

        var reminders = await factory.RemindersAbout(report.Id);
        Assert.Equal(1, added.Affected);
        Assert.Equal(4, reminders.Count);
        Assert.Contains(await factory.UserId(newcomerEmail), reminders.Recipients("report-due-30d"));
    }

    [Fact]
    public async Task Only_a_run_that_made_reminders_is_audited()
    {
        var (_, report) = await ActiveGrantWithYearOneReportDueIn(25);
        var before = await factory.AuditEntries("ReportDueReminders");

        var made = await factory.ReportReminders();
        var again = await factory.ReportReminders();

        Assert.True(made.Affected >= 3);
        Assert.Equal(0, again.Affected);
        Assert.Equal(3, (await factory.RemindersAbout(report.Id)).Count);
        Assert.Equal(before + 1, await factory.AuditEntries("ReportDueReminders"));
    }

    /// <summary>An active 36-month grant whose year-1 report falls due the given number of days from today.</summary>
    private async Task<(GrantScenario Scenario, GrantReportSummary YearOne)> ActiveGrantWithYearOneReportDueIn(int days)
    {
        var scenario = await factory.AwardGrant(startDate: StartForYearOneDueIn(days));
        var grant = await factory.Activate(scenario);
        var yearOne = grant.Reports.Single(r => r.PeriodYear == 1);
        Assert.Equal(factory.Today().AddDays(days), yearOne.DueOn);
        return (scenario, yearOne);
    }

    /// <summary>A grant year ends the day before the next begins; its report is due 60 days after that.</summary>
    private DateOnly StartForYearOneDueIn(int days) => factory.Today().AddDays(days - GrantPeriod.ReportDueDays + 1).AddMonths(-12);
}
