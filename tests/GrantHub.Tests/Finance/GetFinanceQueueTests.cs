using System.Net;
using GrantHub.Api.Features.Finance;
using GrantHub.Core.Identity;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Finance;

/// <summary>The queue says, per item, what the command would refuse this officer, before she clicks.</summary>
public class GetFinanceQueueTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const string Url = "/api/finance/queue";

    [Fact]
    public async Task After_her_approval_of_a_tranche_above_the_threshold_the_first_officer_may_not_approve_again_and_the_second_sees_her_approval()
    {
        var scenario = await factory.AwardGrant(amount: 90_000m, approvalThreshold: 10_000m);
        await factory.Activate(scenario);
        var finance = await factory.Finance();
        var finance2 = await factory.Finance2();
        await (await finance.Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);

        var first = TrancheIn((await (await finance.GetAsync(Url)).ReadAs<FinanceQueueResponse>()).AwaitingDecision, scenario);
        var second = TrancheIn((await (await finance2.GetAsync(Url)).ReadAs<FinanceQueueResponse>()).AwaitingDecision, scenario);

        Assert.Equal("duplicate-approval", first.MayNotApprove?.Rule);
        await (await finance.Approve(scenario, 1)).ShouldBreakRule("duplicate-approval");
        Assert.Null(first.MayNotReject);
        Assert.Null(second.MayNotApprove);
        Assert.Equal(2, second.RequiredApprovals);
        var approval = Assert.Single(second.Approvals);
        Assert.Equal("Fatima Finance", approval.OfficerName);

        await (await finance2.Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);
        var after = await (await finance.GetAsync(Url)).ReadAs<FinanceQueueResponse>();
        Assert.DoesNotContain(after.AwaitingDecision, i => i.Id == scenario.GrantId);
        Assert.Null(TrancheIn(after.AwaitingPayment, scenario).MayNotPay);
    }

    [Fact]
    public async Task The_officer_who_awarded_a_grant_sees_its_tranche_with_the_maker_checker_refusal_the_approval_gives()
    {
        var (makerClient, makerId) = await factory.NewStaff(Roles.FinanceOfficer, Roles.ProgrammeOfficer);
        var scenario = await factory.AwardGrant(awardedBy: makerId);
        await factory.Activate(scenario);

        var item = TrancheIn((await (await makerClient.GetAsync(Url)).ReadAs<FinanceQueueResponse>()).AwaitingDecision, scenario);

        Assert.Equal("maker-checker", item.MayNotApprove?.Rule);
        Assert.Equal("maker-checker", item.MayNotReject?.Rule);
        await (await makerClient.Approve(scenario, 1)).ShouldBreakRule(item.MayNotApprove!.Rule);
    }

    [Fact]
    public async Task Emergency_requests_come_first_and_a_member_of_the_requesting_organisation_is_told_she_is_a_related_party()
    {
        var scenario = await factory.AwardGrant();
        await factory.Activate(scenario);
        var (financeMember, financeMemberId) = await factory.NewStaff(Roles.FinanceOfficer);
        var member = await factory.NewOrganisationMember();
        await factory.AddMember(member.OrganisationId, financeMemberId);
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));

        var queue = (await (await financeMember.GetAsync(Url)).ReadAs<FinanceQueueResponse>()).AwaitingDecision;

        var emergency = Assert.Single(queue, i => i.Id == request.Id);
        Assert.Equal("related-party", emergency.MayNotApprove?.Rule);
        Assert.Equal(request.DecisionDueAt, emergency.DecisionDueAt);
        await (await financeMember.Approve(request.Id)).ShouldBreakRule("related-party");
        Assert.True(queue.ToList().FindLastIndex(i => i.Kind == MoneyItemKind.EmergencyRequest) < queue.ToList().FindIndex(i => i.Kind == MoneyItemKind.Tranche));
        Assert.Null(TrancheIn(queue, scenario).MayNotApprove);
    }

    [Fact]
    public async Task Only_finance_officers_read_the_queue()
    {
        await (await (await factory.Officer()).GetAsync(Url)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Lead()).GetAsync(Url)).ShouldBe(HttpStatusCode.Forbidden);
    }

    private static FinanceQueueItem TrancheIn(IReadOnlyList<FinanceQueueItem> items, GrantScenario scenario) =>
        Assert.Single(items, i => i.Kind == MoneyItemKind.Tranche && i.Id == scenario.GrantId && i.TrancheNumber == 1);
}
