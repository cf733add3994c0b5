using System.Net;
using GrantHub.Api.Features.Funds;
using GrantHub.Core.Funds;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Funds;

public class CreateFundTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Admin_creates_a_fund_with_nothing_committed_yet()
    {
        var admin = await factory.Admin();

        var response = await admin.PostJson("/api/funds", new CreateFundCommand("Sahel Core Fund", FundKind.CoreFunding, "XOF", 150_000_000m, 5_000_000m));

        var fund = await response.ReadAs<FundResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/funds/{fund.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(150_000_000m, fund.Budget);
        Assert.Equal(0m, fund.Committed);
        Assert.Equal(0m, fund.Disbursed);
        Assert.Equal(150_000_000m, fund.Available);
        var fetched = await (await admin.GetAsync($"/api/funds/{fund.Id}")).ReadAs<FundResponse>();
        Assert.Equal(fund, fetched);
    }

    [Theory]
    [InlineData("EUR", "10.123")]
    [InlineData("JPY", "10.5")]
    [InlineData("KWD", "1.0001")]
    public async Task More_decimals_than_the_currency_has_are_refused(string currency, string budget)
    {
        var admin = await factory.Admin();

        var response = await admin.PostJson("/api/funds", new CreateFundCommand("Fund", FundKind.CoreFunding, currency, decimal.Parse(budget, System.Globalization.CultureInfo.InvariantCulture), 0m));

        await response.ShouldBeInvalid("budget");
    }

    [Fact]
    public async Task Astronomical_budget_is_refused_rather_than_overflowing()
    {
        var admin = await factory.Admin();

        var response = await admin.PostJson("/api/funds", new CreateFundCommand("Fund", FundKind.CoreFunding, "EUR", decimal.MaxValue, 0m));

        await response.ShouldBeInvalid("budget");
    }

    [Fact]
    public async Task Page_beyond_any_real_list_is_invalid_input()
    {
        var admin = await factory.Admin();

        await (await admin.GetAsync("/api/funds?page=2147483647&pageSize=100")).ShouldBeInvalid("page");
    }

    [Fact]
    public async Task Unknown_currency_code_is_refused()
    {
        var admin = await factory.Admin();

        var response = await admin.PostJson("/api/funds", new CreateFundCommand("Fund", FundKind.CoreFunding, "EURO", 100m, 0m));

        await response.ShouldBeInvalid("currency");
    }

    [Fact]
    public async Task Negative_budget_is_refused()
    {
        var admin = await factory.Admin();

        var response = await admin.PostJson("/api/funds", new CreateFundCommand("Fund", FundKind.CoreFunding, "EUR", -1m, 0m));

        await response.ShouldBeInvalid("budget");
    }

    [Fact]
    public async Task Unknown_fields_are_refused_rather_than_ignored()
    {
        var admin = await factory.Admin();

        var response = await admin.PostJson("/api/funds", new { name = "Fund", kind = "CoreFunding", currency = "EUR", budget = 100, approvalThreshold = 0, committed = 100 });

        await response.ShouldBeInvalid("committed");
    }

    [Fact]
    public async Task Unknown_enum_value_is_refused()
    {
        var admin = await factory.Admin();

        var response = await admin.PostJson("/api/funds", new { name = "Fund", kind = "Loans", currency = "EUR", budget = 100, approvalThreshold = 0 });

        await response.ShouldBeInvalid("kind");
    }

    [Fact]
    public async Task Programme_officer_cannot_create_a_fund()
    {
        var officer = await factory.Officer();

        var response = await officer.PostJson("/api/funds", new CreateFundCommand("Fund", FundKind.CoreFunding, "EUR", 100m, 0m));

        await response.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_visitor_cannot_create_or_list_funds()
    {
        var anonymous = factory.CreateClient();

        await (await anonymous.PostJson("/api/funds", new CreateFundCommand("Fund", FundKind.CoreFunding, "EUR", 100m, 0m))).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/funds")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_fund_is_not_found()
    {
        var admin = await factory.Admin();

        await (await admin.GetAsync($"/api/funds/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Funds_are_listed_in_pages_filtered_by_kind()
    {
        await factory.CreateFund(FundKind.RapidResponse);
        var admin = await factory.Admin();

        var page = await (await admin.GetAsync("/api/funds?kind=RapidResponse&page=1&pageSize=1")).ReadJson();

        Assert.Equal(1, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("totalCount").GetInt32() >= 2);
        Assert.All(page.GetProperty("items").EnumerateArray(), f => Assert.Equal("RapidResponse", f.GetProperty("kind").GetString()));
        await (await admin.GetAsync("/api/funds?pageSize=101")).ShouldBeInvalid("pageSize");
    }
}
