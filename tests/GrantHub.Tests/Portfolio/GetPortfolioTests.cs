using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Portfolio;
using GrantHub.Core.Calls;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reviews;

namespace GrantHub.Tests.Portfolio;

/// <summary><c>GET /api/portfolio</c>: awarded grants and amounts by pillar, country, target group, women-led, first-time grantee and year.</summary>
public class GetPortfolioTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task A_fund_s_grants_are_counted_by_every_breakdown_and_a_sensitive_lead_is_counted_but_never_named()
    {
        var (fundId, nepal, colombia) = await factory.TwoAwards();

        var portfolio = await Portfolio($"fundId={fundId}");

        var section = Assert.Single(portfolio.Sections);
        Assert.Equal(("EUR", 2, 150_000m), (section.Currency, section.Grants, section.Amount));
        Assert.Equal([("Participation", 1, 90_000m), ("Protection", 1, 60_000m)], section.ByPillar.Select(f => (f.Key, f.Grants, f.Amount)));
        Assert.Equal([("BI", 1, 90_000m), ("NP", 1, 90_000m), ("CO", 1, 60_000m)], section.ByCountry.Select(f => (f.Key, f.Grants, f.Amount)));
        Assert.Equal([("Yes", 2, 150_000m)], section.ByWomenLed.Select(f => (f.Key, f.Grants, f.Amount)));
        Assert.Equal([("Yes", 2, 150_000m)], section.ByFirstTimeGrantee.Select(f => (f.Key, f.Grants, f.Amount)));
        Assert.Equal([(factory.Today().Year.ToString(System.Globalization.CultureInfo.InvariantCulture), 2, 150_000m)], section.ByYear.Select(f => (f.Key, f.Grants, f.Amount)));
        var json = await (await (await factory.Officer()).GetAsync($"/api/portfolio?fundId={fundId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(nepal.Lead.Organisation.Name, json);
        Assert.DoesNotContain(colombia.Lead.Organisation.Name, json);
    }

    [Fact]
    public async Task Participation_work_in_nepal_this_year_is_one_question()
    {
        var (fundId, _, _) = await factory.TwoAwards();
        var year = factory.Today().Year;

        var portfolio = await Portfolio($"fundId={fundId}&pillar=Participation&country=np&from={year}-01-01&to={year}-12-31");
        var lastYear = await Portfolio($"fundId={fundId}&from={year - 1}-01-01&to={year - 1}-12-31");

        Assert.Equal(90_000m, Assert.Single(portfolio.Sections).Amount);
        Assert.Empty(lastYear.Sections);
    }

    [Fact]
    public async Task Only_officers_and_admins_see_the_portfolio_and_a_period_ends_after_it_starts()
    {
        await (await (await factory.Reviewer()).GetAsync("/api/portfolio")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Lead()).GetAsync("/api/portfolio")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Admin()).GetAsync("/api/portfolio")).ShouldBe(HttpStatusCode.OK);
        await (await (await factory.Officer()).GetAsync("/api/portfolio?from=2026-05-01&to=2026-01-01")).ShouldBeInvalid("to");
    }

    private async Task<PortfolioResponse> Portfolio(string query) =>
        await (await (await factory.Officer()).GetAsync($"/api/portfolio?{query}")).ReadAs<PortfolioResponse>();
}
