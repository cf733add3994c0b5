using System.Net;
using GrantHub.Api.Features.Emergency;
using GrantHub.Core.Common;
using GrantHub.Core.Emergency;
using GrantHub.Core.Identity;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Emergency;

public class DecideEmergencyRequestTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task One_finance_approval_decides_a_request_at_or_below_the_threshold_and_commits_the_fund()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(budget: 50_000m, approvalThreshold: 5_000m);
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 5_000m));
        var finance = await factory.Finance();

        var approved = await (await finance.Approve(request.Id, "Verified with the programme officer by phone.")).ReadAs<EmergencyRequestResponse>();

        Assert.Equal(EmergencyRequestStatus.Approved, approved.Status);
        Assert.Equal(factory.StoredNow, approved.DecidedAt);
        var approval = Assert.Single(approved.Approvals);
        Assert.Equal(await factory.UserId("finance@granthub.local"), approval.FinanceOfficerId);
        Assert.Equal(ApprovalDecision.Approve, approval.Decision);
        Assert.Equal("Verified with the programme officer by phone.", approval.Comment);
        var after = await factory.GetFund(fund.Id);
        Assert.Equal(5_000m, after.Committed);
        Assert.Equal(45_000m, after.Available);
        Assert.Equal(0m, after.Disbursed);
    }

    [Fact]
    public async Task Above_the_threshold_two_distinct_finance_officers_must_approve()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(budget: 50_000m, approvalThreshold: 5_000m);
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 5_000.01m));
        var finance = await factory.Finance();
        var finance2 = await factory.Finance2();

        var afterFirst = await (await finance.Approve(request.Id)).ReadAs<EmergencyRequestResponse>();
        Assert.Equal(EmergencyRequestStatus.Submitted, afterFirst.Status);
        Assert.Null(afterFirst.DecidedAt);
        Assert.Equal(0m, (await factory.GetFund(fund.Id)).Committed);

        await (await finance.Approve(request.Id)).ShouldBreakRule("duplicate-approval");

        var afterSecond = await (await finance2.Approve(request.Id)).ReadAs<EmergencyRequestResponse>();
        Assert.Equal(EmergencyRequestStatus.Approved, afterSecond.Status);
        Assert.Equal(2, afterSecond.Approvals.Select(a => a.FinanceOfficerId).Distinct().Count());
        Assert.Equal(5_000.01m, (await factory.GetFund(fund.Id)).Committed);
    }

    [Fact]
    public async Task Finance_officer_who_asked_for_the_request_as_a_member_can_never_approve_it()
    {
        var (financeMember, financeMemberId) = await factory.NewStaff(Roles.FinanceOfficer);
        var organisationId = await factory.CreateOrganisation(financeMemberId);
        var fund = await factory.CreateRapidResponseFund();
        var request = await financeMember.Submit(factory.Body(organisationId, fund.Id, amount: 100m));

        // She is the maker and, before that, a member of the requesting organisation: the related-party rule answers.
        await (await financeMember.Approve(request.Id)).ShouldBreakRule("related-party");
        await (await financeMember.Reject(request.Id, "Withdrawn.")).ShouldBreakRule("related-party");

        await (await (await factory.Finance()).Approve(request.Id)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Officer_who_entered_the_request_can_never_approve_it_even_with_a_finance_role()
    {
        var member = await factory.NewOrganisationMember();
        var (officerAndFinance, officerId) = await factory.NewStaff(Roles.ProgrammeOfficer, Roles.FinanceOfficer);
        var fund = await factory.CreateRapidResponseFund();
        var request = await officerAndFinance.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 100m));
        Assert.Equal(officerId, request.EnteredBy);

        await (await officerAndFinance.Approve(request.Id)).ShouldBreakRule("maker-checker");

        var unchanged = await (await member.Client.GetAsync($"{EmergencyTestData.Url}/{request.Id}")).ReadAs<EmergencyRequestResponse>();
        Assert.Equal(EmergencyRequestStatus.Submitted, unchanged.Status);
        Assert.Empty(unchanged.Approvals);
    }

    [Fact]
    public async Task A_single_rejection_decides_and_its_reason_is_readable_by_the_organisation()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(approvalThreshold: 100m);
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 9_000m));
        var finance = await factory.Finance();

        var rejected = await (await finance.Reject(request.Id, "Relocation costs are covered by the protection desk; contact them today.")).ReadAs<EmergencyRequestResponse>();

        Assert.Equal(EmergencyRequestStatus.Rejected, rejected.Status);
        Assert.NotNull(rejected.DecidedAt);
        var seen = await (await member.Client.GetAsync($"{EmergencyTestData.Url}/{request.Id}")).ReadAs<EmergencyRequestResponse>();
        Assert.Equal("Relocation costs are covered by the protection desk; contact them today.", seen.RejectionReason);
        Assert.Equal(0m, (await factory.GetFund(fund.Id)).Committed);
        await (await (await factory.Finance2()).Approve(request.Id)).ShouldBreakRule("emergency-not-pending");
    }

    [Fact]
    public async Task Organisation_reads_who_decided_but_not_finances_internal_comments()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 100m));
        await (await (await factory.Finance()).Approve(request.Id, "Checked against the sanctions list.")).ShouldBe(HttpStatusCode.OK);

        var seen = await (await member.Client.GetAsync($"{EmergencyTestData.Url}/{request.Id}")).ReadAs<EmergencyRequestResponse>();

        var approval = Assert.Single(seen.Approvals);
        Assert.Equal(ApprovalDecision.Approve, approval.Decision);
        Assert.Null(approval.Comment);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task Rejection_without_a_reason_is_refused(string? reason)
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));

        await (await (await factory.Finance()).Reject(request.Id, reason)).ShouldBeInvalid("comment");
    }

    [Fact]
    public async Task Unknown_decision_is_refused()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));

        var response = await (await factory.Finance()).PostJson($"{EmergencyTestData.Url}/{request.Id}/approvals", new { decision = "Maybe" });

        await response.ShouldBeInvalid("decision");
    }

    [Fact]
    public async Task Approval_that_would_overdraw_the_fund_is_refused_and_changes_nothing()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(budget: 1_000m, approvalThreshold: 5_000m);
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 1_000.01m));

        await (await (await factory.Finance()).Approve(request.Id)).ShouldBreakRule("fund-insufficient");

        var unchanged = await (await member.Client.GetAsync($"{EmergencyTestData.Url}/{request.Id}")).ReadAs<EmergencyRequestResponse>();
        Assert.Equal(EmergencyRequestStatus.Submitted, unchanged.Status);
        Assert.Empty(unchanged.Approvals);
        Assert.Equal(0m, (await factory.GetFund(fund.Id)).Committed);
    }

    [Fact]
    public async Task Organisation_limit_over_12_months_is_enforced_at_the_final_approval()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(budget: 100_000m, approvalThreshold: 50_000m);
        var finance = await factory.Finance();
        var first = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 15_000m));
        await (await finance.Approve(first.Id)).ShouldBe(HttpStatusCode.OK);
        var fitsExactly = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 5_000m));
        var tooMuch = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 0.01m));

        await (await finance.Approve(fitsExactly.Id)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Approve(tooMuch.Id)).ShouldBreakRule("organisation-limit-exceeded");

        Assert.Equal(20_000m, (await factory.GetFund(fund.Id)).Committed);
    }

    [Fact]
    public async Task Approvals_older_than_12_months_no_longer_count_against_the_limit()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(budget: 100_000m, approvalThreshold: 50_000m);
        var finance = await factory.Finance();
        var lastYear = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 20_000m));
        await (await finance.Approve(lastYear.Id)).ShouldBe(HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromDays(364));
        var early = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 1_000m));
        await (await finance.Approve(early.Id)).ShouldBreakRule("organisation-limit-exceeded");

        factory.Clock.Advance(TimeSpan.FromDays(2));
        await (await finance.Approve(early.Id)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Rejected_and_cancelled_requests_do_not_count_against_the_organisation_limit()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(budget: 100_000m, approvalThreshold: 50_000m);
        var finance = await factory.Finance();
        var rejected = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 15_000m));
        await (await finance.Reject(rejected.Id, "Out of scope.")).ShouldBe(HttpStatusCode.OK);
        var cancelled = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 15_000m));
        await (await member.Client.Cancel(cancelled.Id)).ShouldBe(HttpStatusCode.OK);
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 20_000m));

        await (await finance.Approve(request.Id)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Limits_are_per_currency_and_a_currency_without_a_limit_has_none()
    {
        var member = await factory.NewOrganisationMember();
        var euros = await factory.CreateRapidResponseFund(budget: 100_000m, approvalThreshold: 50_000m);
        var shillings = await factory.CreateRapidResponseFund(budget: 10_000_000m, approvalThreshold: 10_000_000m, currency: "KES");
        var finance = await factory.Finance();
        var inEuros = await member.Client.Submit(factory.Body(member.OrganisationId, euros.Id, amount: 20_000m));
        await (await finance.Approve(inEuros.Id)).ShouldBe(HttpStatusCode.OK);

        var inShillings = await member.Client.Submit(factory.Body(member.OrganisationId, shillings.Id, amount: 3_000_000m));

        await (await finance.Approve(inShillings.Id)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Approving_a_request_that_does_not_exist_is_not_found()
    {
        await (await (await factory.Finance()).Approve(Guid.NewGuid())).ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("officer@granthub.local")]
    [InlineData("admin@granthub.local")]
    [InlineData("reviewer@granthub.local")]
    [InlineData("lead@granthub.local")]
    public async Task Only_finance_officers_decide(string email)
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        var client = await factory.ClientFor(email);

        await (await client.Approve(request.Id)).ShouldBe(HttpStatusCode.Forbidden);
        await (await client.Reject(request.Id, "No.")).ShouldBe(HttpStatusCode.Forbidden);
        await (await member.Client.Approve(request.Id)).ShouldBe(HttpStatusCode.Forbidden);
    }
}
