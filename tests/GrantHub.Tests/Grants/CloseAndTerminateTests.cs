using System.Net;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Grants;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Grants;

public class CloseAndTerminateTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task A_grant_closes_once_every_tranche_is_paid_and_the_final_report_accepted()
    {
        var scenario = await factory.AwardGrant(amount: 40_000m, durationMonths: 12);
        var grant = await factory.Activate(scenario);
        var officer = await factory.Officer();
        var final = Assert.Single(grant.Reports);

        await (await officer.PostJson($"{scenario.Url}/close")).ShouldBreakRule("grant-has-unpaid-tranches");
        await factory.ApproveAndPay(scenario, 1);
        await (await officer.PostJson($"{scenario.Url}/close")).ShouldBreakRule("final-report-not-accepted");
        await (await scenario.LeadOwner.Client.SubmitReport(scenario, final.Id)).ShouldBe(HttpStatusCode.OK);
        await (await officer.PostJson($"{scenario.Url}/close")).ShouldBreakRule("final-report-not-accepted");
        await (await officer.PostJson($"{scenario.Url}/reports/{final.Id}/review", new ReviewReportRequest(ReportOutcome.Accepted, null))).ShouldBe(HttpStatusCode.OK);

        var closed = await (await officer.PostJson($"{scenario.Url}/close")).ReadAs<GrantResponse>();

        Assert.Equal(GrantStatus.Closed, closed.Status);
        var fund = await factory.GetFund(scenario.Fund.Id);
        Assert.Equal((40_000m, 40_000m), (fund.Committed, fund.Disbursed));
        await (await officer.PostJson($"{scenario.Url}/terminate", new TerminateGrantRequest("Too late."))).ShouldBreakRule("grant-ended");
        await (await officer.PostJson($"{scenario.Url}/close")).ShouldBreakRule("grant-not-active");
    }

    [Fact]
    public async Task A_grant_awaiting_signature_cannot_be_closed()
    {
        var scenario = await factory.AwardGrant();

        await (await (await factory.Officer()).PostJson($"{scenario.Url}/close")).ShouldBreakRule("grant-not-active");
    }

    [Fact]
    public async Task Terminating_cancels_the_unpaid_tranches_and_releases_exactly_the_unpaid_remainder()
    {
        var scenario = await factory.AwardGrant(amount: 90_000m);
        await factory.Activate(scenario);
        await factory.ApproveAndPay(scenario, 1);
        var before = await factory.GetFund(scenario.Fund.Id);

        var terminated = await (await (await factory.Officer()).PostJson($"{scenario.Url}/terminate", new TerminateGrantRequest("The consortium dissolved.")))
            .ReadAs<GrantResponse>();

        Assert.Equal(GrantStatus.Terminated, terminated.Status);
        Assert.Equal([TrancheStatus.Paid, TrancheStatus.Cancelled, TrancheStatus.Cancelled], terminated.Tranches.Select(t => t.Status));
        var after = await factory.GetFund(scenario.Fund.Id);
        Assert.Equal((90_000m, 30_000m), (before.Committed, before.Disbursed));
        Assert.Equal((30_000m, 30_000m, 970_000m), (after.Committed, after.Disbursed, after.Available));
        await (await (await factory.Finance()).Approve(scenario, 2)).ShouldBreakRule("grant-not-active");
    }

    [Fact]
    public async Task Terminating_an_unsigned_grant_releases_all_of_it()
    {
        var scenario = await factory.AwardGrant(amount: 75_000m);

        await (await (await factory.Officer()).PostJson($"{scenario.Url}/terminate", new TerminateGrantRequest("Due diligence failed."))).ShouldBe(HttpStatusCode.OK);

        var fund = await factory.GetFund(scenario.Fund.Id);
        Assert.Equal((0m, 1_000_000m), (fund.Committed, fund.Available));
    }

    [Fact]
    public async Task Termination_needs_a_reason()
    {
        var scenario = await factory.AwardGrant();

        await (await (await factory.Officer()).PostJson($"{scenario.Url}/terminate", new TerminateGrantRequest(""))).ShouldBeInvalid("reason");
        Assert.Equal(GrantStatus.AwaitingSignature, (await factory.GetGrant(scenario)).Status);
    }

    [Fact]
    public async Task Finance_officers_neither_close_nor_terminate()
    {
        var scenario = await factory.AwardGrant();
        var finance = await factory.Finance();

        await (await finance.PostJson($"{scenario.Url}/close")).ShouldBe(HttpStatusCode.Forbidden);
        await (await finance.PostJson($"{scenario.Url}/terminate", new TerminateGrantRequest("No"))).ShouldBe(HttpStatusCode.Forbidden);
    }
}
