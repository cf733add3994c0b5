using System.Net;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Grants;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Grants;

public class ReportTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private async Task<(GrantScenario Scenario, GrantReportSummary YearOne)> ActiveGrant()
    {
        var scenario = await factory.AwardGrant();
        var grant = await factory.Activate(scenario);
        return (scenario, grant.Reports.Single(r => r.PeriodYear == 1));
    }

    [Fact]
    public async Task A_member_of_the_lead_organisation_submits_a_report()
    {
        var (scenario, report) = await ActiveGrant();

        var submitted = await (await scenario.LeadMember.Client.PostJson(
                $"{scenario.Url}/reports/{report.Id}/submit",
                new SubmitReportRequest("Year one narrative.", 25_000.50m, "Two shelters opened.", "Threats against staff increased.")))
            .ReadAs<GrantReportResponse>();

        Assert.Equal(ReportStatus.Submitted, submitted.Status);
        Assert.Equal((25_000.50m, "Threats against staff increased."), (submitted.SpentToDate, submitted.Risks));
        Assert.Equal(ReportStatus.Submitted, (await factory.GetGrant(scenario)).Reports.Single(r => r.Id == report.Id).Status);
    }

    [Fact]
    public async Task What_a_report_says_never_enters_the_audit_trail()
    {
        var (scenario, report) = await ActiveGrant();

        await (await scenario.LeadOwner.Client.PostJson(
                $"{scenario.Url}/reports/{report.Id}/submit",
                new SubmitReportRequest("Our defender Amina moved to a safe house.", 1m, "Amina is safe.", "Amina's location must stay secret.")))
            .ShouldBe(HttpStatusCode.OK);

        var payload = await factory.WithDb(db => db.AuditEntries
            .Where(a => a.ObjectId == scenario.GrantId && a.Command == "SubmitReport")
            .Select(a => a.Payload)
            .SingleAsync());
        Assert.DoesNotContain("Amina", payload);
        Assert.Contains(AuditPayload.Redacted, payload);
    }

    [Fact]
    public async Task A_partner_sees_the_grant_but_does_not_submit_its_reports()
    {
        var (scenario, report) = await ActiveGrant();

        await (await scenario.PartnerOwner.Client.SubmitReport(scenario, report.Id)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_report_of_another_grant_is_not_found()
    {
        var (scenario, _) = await ActiveGrant();
        var (_, otherReport) = await ActiveGrant();

        await (await scenario.LeadOwner.Client.SubmitReport(scenario, otherReport.Id)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reports_are_submitted_only_once_the_grant_is_active()
    {
        var scenario = await factory.AwardGrant();
        var report = (await factory.GetGrant(scenario)).Reports[0];

        await (await scenario.LeadOwner.Client.SubmitReport(scenario, report.Id)).ShouldBreakRule("grant-not-active");
    }

    [Fact]
    public async Task A_report_without_narrative_or_with_too_precise_spending_is_invalid()
    {
        var (scenario, report) = await ActiveGrant();
        var url = $"{scenario.Url}/reports/{report.Id}/submit";

        await (await scenario.LeadOwner.Client.PostJson(url, new SubmitReportRequest("", 10m, "Done.", null))).ShouldBeInvalid("narrative");
        await (await scenario.LeadOwner.Client.PostJson(url, new SubmitReportRequest("Text.", 10.001m, "Done.", null))).ShouldBeInvalid("spentToDate");
        await (await scenario.LeadOwner.Client.PostJson(url, new SubmitReportRequest("Text.", -1m, "Done.", null))).ShouldBeInvalid("spentToDate");
        await (await scenario.LeadOwner.Client.PostJson(url, new { narrative = "Text.", achievements = "Done." })).ShouldBeInvalid("spentToDate");
    }

    [Fact]
    public async Task A_submitted_report_cannot_be_submitted_again_until_changes_are_requested()
    {
        var (scenario, report) = await ActiveGrant();
        await (await scenario.LeadOwner.Client.SubmitReport(scenario, report.Id)).ShouldBe(HttpStatusCode.OK);

        await (await scenario.LeadOwner.Client.SubmitReport(scenario, report.Id)).ShouldBreakRule("report-not-open");
    }

    [Fact]
    public async Task Requesting_changes_tells_the_lead_organisation_and_reopens_the_report()
    {
        var (scenario, report) = await ActiveGrant();
        var officer = await factory.Officer();
        await (await scenario.LeadOwner.Client.SubmitReport(scenario, report.Id)).ShouldBe(HttpStatusCode.OK);

        var reviewed = await (await officer.PostJson(
                $"{scenario.Url}/reports/{report.Id}/review",
                new ReviewReportRequest(ReportOutcome.ChangesRequested, "Please add the spending per partner.")))
            .ReadAs<GrantReportResponse>();

        Assert.Equal((ReportStatus.ChangesRequested, "Please add the spending per partner."), (reviewed.Status, reviewed.ReviewComment));
        Assert.Contains("grant-report-changes-requested", await factory.NotificationKinds(scenario.LeadOwner.Id));
        Assert.Contains("grant-report-changes-requested", await factory.NotificationKinds(scenario.LeadMember.Id));
        Assert.DoesNotContain("grant-report-changes-requested", await factory.NotificationKinds(scenario.PartnerOwner.Id));
        await (await scenario.LeadMember.Client.SubmitReport(scenario, report.Id)).ShouldBe(HttpStatusCode.OK);
        var accepted = await (await officer.PostJson($"{scenario.Url}/reports/{report.Id}/review", new ReviewReportRequest(ReportOutcome.Accepted, null)))
            .ReadAs<GrantReportResponse>();
        Assert.Equal(ReportStatus.Accepted, accepted.Status);
    }

    [Fact]
    public async Task Requesting_changes_twice_tells_the_lead_twice()
    {
        var (scenario, report) = await ActiveGrant();
        var officer = await factory.Officer();
        var review = new ReviewReportRequest(ReportOutcome.ChangesRequested, "Add the audit letter.");

        for (var round = 0; round < 2; round++)
        {
            await (await scenario.LeadOwner.Client.SubmitReport(scenario, report.Id)).ShouldBe(HttpStatusCode.OK);
            await (await officer.PostJson($"{scenario.Url}/reports/{report.Id}/review", review)).ShouldBe(HttpStatusCode.OK);
        }

        Assert.Equal(2, (await factory.NotificationKinds(scenario.LeadOwner.Id)).Count(k => k == "grant-report-changes-requested"));
    }

    [Fact]
    public async Task Only_a_submitted_report_is_reviewed_and_changes_need_a_comment()
    {
        var (scenario, report) = await ActiveGrant();
        var officer = await factory.Officer();
        var url = $"{scenario.Url}/reports/{report.Id}/review";

        await (await officer.PostJson(url, new ReviewReportRequest(ReportOutcome.Accepted, null))).ShouldBreakRule("report-not-submitted");
        await (await officer.PostJson(url, new ReviewReportRequest(ReportOutcome.ChangesRequested, " "))).ShouldBeInvalid("comment");
        await (await officer.PostJson(url, new { comment = "fine" })).ShouldBeInvalid("outcome");
    }

    [Fact]
    public async Task Finance_officers_do_not_review_reports()
    {
        var (scenario, report) = await ActiveGrant();
        await (await scenario.LeadOwner.Client.SubmitReport(scenario, report.Id)).ShouldBe(HttpStatusCode.OK);

        await (await (await factory.Finance()).PostJson($"{scenario.Url}/reports/{report.Id}/review", new ReviewReportRequest(ReportOutcome.Accepted, null)))
            .ShouldBe(HttpStatusCode.Forbidden);
    }
}
