using System.Net;
using GrantHub.Api.Features.Funds;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Funds;

public class GetFundHistoryTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task The_history_holds_every_top_up_commitment_release_and_payment_behind_the_fund_s_figures()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(budget: 10_000m);
        var admin = await factory.Admin();
        await (await admin.PostJson($"/api/funds/{fund.Id}/top-ups", new TopUpFundRequest(500m, "Board decision 12"))).ShouldBe(HttpStatusCode.OK);
        var finance = await factory.Finance();
        var paid = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 1_000m));
        await (await finance.Approve(paid.Id)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Pay(paid.Id, factory.Today(), "BANK-1")).ShouldBe(HttpStatusCode.OK);
        var released = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 300m));
        await (await finance.Approve(released.Id)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Release(released.Id, "Bank account closed.")).ShouldBe(HttpStatusCode.OK);

        var history = await (await finance.GetAsync($"/api/funds/{fund.Id}/history")).ReadAs<FundHistoryResponse>();

        Assert.Equal(10_500m, history.Fund.Budget);
        Assert.Equal(1_000m, history.Fund.Committed);
        Assert.Equal(1_000m, history.Fund.Disbursed);
        Assert.Equal(500m, Assert.Single(history.Movements, m => m.Kind == FundMovementKind.TopUp).Amount);
        Assert.Equal(
            history.Fund.Committed,
            history.Movements.Where(m => m.Kind == FundMovementKind.Commitment).Sum(m => m.Amount)
                - history.Movements.Where(m => m.Kind == FundMovementKind.Release).Sum(m => m.Amount));
        Assert.Equal(history.Fund.Disbursed, history.Movements.Where(m => m.Kind == FundMovementKind.Payment).Sum(m => m.Amount));
        Assert.Equal("BANK-1", Assert.Single(history.Movements, m => m.Kind == FundMovementKind.Payment).Note);
    }

    [Fact]
    public async Task The_grant_side_of_a_fund_shows_the_award_and_each_paid_tranche()
    {
        var scenario = await factory.AwardGrant();
        await factory.Activate(scenario);
        await factory.ApproveAndPay(scenario, 1);

        var history = await (await (await factory.Finance()).GetAsync($"/api/funds/{scenario.Fund.Id}/history")).ReadAs<FundHistoryResponse>();

        Assert.Equal(90_000m, Assert.Single(history.Movements, m => m.Kind == FundMovementKind.Commitment).Amount);
        Assert.Equal(history.Fund.Disbursed, Assert.Single(history.Movements, m => m.Kind == FundMovementKind.Payment).Amount);
    }

    [Fact]
    public async Task Applicants_do_not_read_a_fund_s_history()
    {
        var fund = await factory.CreateRapidResponseFund();
        await (await (await factory.Lead()).GetAsync($"/api/funds/{fund.Id}/history")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Finance()).GetAsync($"/api/funds/{Guid.NewGuid()}/history")).ShouldBe(HttpStatusCode.NotFound);
    }
}
