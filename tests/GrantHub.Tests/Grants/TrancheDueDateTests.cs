using System.Net;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Grants;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Grants;

/// <summary>Tests that move the clock on; every date is taken relative to the clock, which the class shares.</summary>
public class TrancheDueDateTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task A_tranche_falls_due_when_its_planned_date_comes()
    {
        var scenario = await factory.AwardGrant(startDate: factory.Today().AddDays(3));
        await factory.Activate(scenario);
        var finance = await factory.Finance();
        await (await finance.Approve(scenario, 1)).ShouldBreakRule("tranche-not-due");

        factory.Clock.Advance(TimeSpan.FromDays(3));

        var tranches = await (await finance.GetAsync($"{scenario.Url}/tranches")).ReadAs<GrantTranchesResponse>();
        Assert.Equal([TrancheStatus.Due, TrancheStatus.Planned, TrancheStatus.Planned], tranches.Items.Select(t => t.Status));
        await (await finance.Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Pay(scenario, 1, factory.Today())).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_tranche_whose_report_was_accepted_early_falls_due_on_its_date()
    {
        var scenario = await factory.AwardGrant(startDate: factory.Today(), durationMonths: 24);
        var grant = await factory.Activate(scenario);
        await factory.AcceptReport(scenario, grant.Reports.Single(r => r.PeriodYear == 1).Id);
        Assert.Equal(TrancheStatus.Planned, (await factory.Tranche(scenario, 2)).Status);

        factory.Clock.Advance(TimeSpan.FromDays(366));

        Assert.Equal(TrancheStatus.Due, (await factory.Tranche(scenario, 2)).Status);
        await (await (await factory.Finance()).Approve(scenario, 2)).ShouldBe(HttpStatusCode.OK);
    }
}
