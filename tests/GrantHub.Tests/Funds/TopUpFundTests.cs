using System.Net;
using GrantHub.Api.Features.Funds;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Funds;

public class TopUpFundTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Top_up_adds_to_budget_and_available()
    {
        var fund = await factory.CreateFund(budget: 1_000m);
        var finance = await factory.Finance();

        var toppedUp = await (await finance.PostJson($"/api/funds/{fund.Id}/top-ups", new TopUpFundRequest(250.50m, "Second instalment from donor"))).ReadAs<FundResponse>();

        Assert.Equal(1_250.50m, toppedUp.Budget);
        Assert.Equal(1_250.50m, toppedUp.Available);
        var recorded = await factory.WithDb(db => Task.FromResult(db.FundTopUps.Count(t => t.FundId == fund.Id)));
        Assert.Equal(1, recorded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Non_positive_top_up_is_refused(int amount)
    {
        var fund = await factory.CreateFund();
        var admin = await factory.Admin();

        await (await admin.PostJson($"/api/funds/{fund.Id}/top-ups", new TopUpFundRequest(amount, null))).ShouldBeInvalid("amount");
    }

    [Fact]
    public async Task Top_up_with_more_decimals_than_the_fund_currency_is_refused_and_changes_nothing()
    {
        var fund = await factory.CreateFund(currency: "UGX", budget: 1_000m);
        var admin = await factory.Admin();

        await (await admin.PostJson($"/api/funds/{fund.Id}/top-ups", new TopUpFundRequest(10.5m, null))).ShouldBeInvalid("amount");

        var unchanged = await (await admin.GetAsync($"/api/funds/{fund.Id}")).ReadAs<FundResponse>();
        Assert.Equal(1_000m, unchanged.Budget);
    }

    [Fact]
    public async Task Top_up_of_an_unknown_fund_is_not_found()
    {
        var admin = await factory.Admin();

        await (await admin.PostJson($"/api/funds/{Guid.NewGuid()}/top-ups", new TopUpFundRequest(10m, null))).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reviewer_cannot_top_up_a_fund()
    {
        var fund = await factory.CreateFund();
        var reviewer = await factory.Reviewer();

        await (await reviewer.PostJson($"/api/funds/{fund.Id}/top-ups", new TopUpFundRequest(10m, null))).ShouldBe(HttpStatusCode.Forbidden);
    }
}
