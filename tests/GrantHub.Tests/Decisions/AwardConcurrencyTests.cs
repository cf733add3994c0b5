using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Core.Applications;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Decisions;

public class AwardConcurrencyTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Parallel_awards_for_the_last_of_a_fund_succeed_exactly_as_far_as_the_money_goes()
    {
        var fund = await factory.CreateFund(budget: 350_000m);
        var call = await factory.OpenCall(input => input with { FundId = fund.Id });
        var applications = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            applications.Add((await factory.SubmittedConsortium(call)).Id);
        }

        await factory.CloseCall(call.Id);
        var officers = new[] { await factory.Officer(), (await factory.NewStaffUser("ProgrammeOfficer")).Client };

        var responses = await Task.WhenAll(applications.Select((id, i) =>
            officers[i % 2].Decide(id, ReviewTestData.Award(100_000m, factory.Today(), "The panel ranked all eight equally."))));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await refused.ShouldBreakRule("fund-insufficient");
        }

        var (budget, committed, granted, grants, awarded) = await factory.WithDb(async db =>
        {
            var stored = await db.Funds.AsNoTracking().SingleAsync(f => f.Id == fund.Id);
            var ofFund = db.Grants.Where(g => g.FundId == fund.Id);
            return (
                stored.Budget.MinorUnits,
                stored.Committed.MinorUnits,
                await ofFund.SumAsync(g => g.Amount.MinorUnits),
                await ofFund.CountAsync(),
                await db.Applications.CountAsync(a => a.CallId == call.Id && a.Status == ApplicationStatus.Awarded));
        });
        Assert.Equal(300_000_00, committed);
        Assert.Equal(committed, granted);
        Assert.True(committed <= budget, $"Committed {committed} exceeds budget {budget}");
        Assert.Equal((3, 3), (grants, awarded));
        var stillOpen = await factory.Ranking(call.Id);
        Assert.Equal(5, stillOpen.Items.Count);
        Assert.Equal(50_000m, stillOpen.Available);
    }
}
