using System.Net;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Grants;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Grants;

/// <summary>
/// Moves the shared clock a year on. Bearer tokens expire on that clock, so the factory's cached clients stop working:
/// this class holds one test that sets everything up first and signs in afresh after the move.
/// </summary>
public class TrancheDueDateTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Tranches_fall_due_when_their_planned_date_comes_and_their_condition_holds()
    {
        var notStarted = await factory.AwardGrant(startDate: factory.Today().AddDays(3));
        await factory.Activate(notStarted);
        await (await (await factory.Finance()).Approve(notStarted, 1)).ShouldBreakRule("tranche-not-due");
        var reportAccepted = await factory.AwardGrant(startDate: factory.Today(), durationMonths: 24);
        var grant = await factory.Activate(reportAccepted);
        await factory.AcceptReport(reportAccepted, grant.Reports.Single(r => r.PeriodYear == 1).Id);
        Assert.Equal(TrancheStatus.Planned, (await factory.Tranche(reportAccepted, 2)).Status);

        factory.Clock.Advance(TimeSpan.FromDays(366));
        var finance = await factory.FreshClientFor("finance@granthub.local");

        var first = await (await finance.GetAsync($"{notStarted.Url}/tranches")).ReadAs<GrantTranchesResponse>();
        Assert.Equal([TrancheStatus.Due, TrancheStatus.Planned, TrancheStatus.Planned], first.Items.Select(t => t.Status));
        await (await finance.Approve(notStarted, 1)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Pay(notStarted, 1, factory.Today())).ShouldBe(HttpStatusCode.OK);

        var second = await (await finance.GetAsync($"{reportAccepted.Url}/tranches")).ReadAs<GrantTranchesResponse>();
        Assert.Equal([TrancheStatus.Due, TrancheStatus.Due], second.Items.Select(t => t.Status));
        await (await finance.Approve(reportAccepted, 2)).ShouldBe(HttpStatusCode.OK);
    }
}
