using System.Globalization;
using System.Net;
using GrantHub.Api.Features.Finance;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Web;

namespace GrantHub.Tests.Finance;

public class GetPromiseDashboardTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Decision_times_and_breaches_are_counted_by_month_and_by_fund_and_drawn_on_the_page()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(budget: 100_000m, approvalThreshold: 50_000m);
        var finance = await factory.Finance();
        var month = factory.Today();
        var quick = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 100m));
        var slow = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 100m));
        factory.Clock.Advance(TimeSpan.FromHours(10));
        await (await finance.Approve(quick.Id)).ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromHours(70));
        await (await finance.Reject(slow.Id, "Outside the fund's purpose.")).ShouldBe(HttpStatusCode.OK);
        var day = month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var dashboard = await (await finance.GetAsync($"/api/finance/promise?from={day}&to={factory.Today():yyyy-MM-dd}")).ReadAs<PromiseDashboardResponse>();

        var byFund = Assert.Single(dashboard.ByFund, f => f.Key == fund.Id.ToString());
        Assert.Equal(2, byFund.Decided);
        Assert.Equal(10, byFund.MedianHours!.Value, 1);
        Assert.Equal(80, byFund.Percentile90Hours!.Value, 1);
        Assert.Equal(1, byFund.Breaches);
        var byMonth = Assert.Single(dashboard.ByMonth, m => m.Key == month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        Assert.True(byMonth.Decided >= 2);
        Assert.Equal(72, dashboard.PromiseHours);

        var session = await WebSession.SignedIn(factory, "finance@granthub.local");
        var html = await session.Read($"/finance/promise?From={day}&To={factory.Today():yyyy-MM-dd}");
        Assert.Contains("<svg id=\"chart-times-fund\"", html);
        Assert.Contains("<text", html);
        Assert.Contains("data-value=\"80\"", html);
        Assert.Contains($"data-key=\"{fund.Id}\"", html);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_and_applicants_see_nothing()
    {
        await (await (await factory.Finance()).GetAsync("/api/finance/promise?from=2026-03-02&to=2026-03-01")).ShouldBeInvalid("to");
        await (await (await factory.Lead()).GetAsync("/api/finance/promise?from=2026-03-01&to=2026-03-02")).ShouldBe(HttpStatusCode.Forbidden);
    }
}
