using System.Net;
using GrantHub.Core.Emergency;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Emergency;

public class EmergencyConcurrencyTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Parallel_approvals_that_together_exceed_the_fund_never_overdraw_it()
    {
        var fund = await factory.CreateRapidResponseFund(budget: 10_000m, approvalThreshold: 10_000m);
        var requests = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var member = await factory.NewOrganisationMember();
            requests.Add((await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 3_000m))).Id);
        }

        var officers = new[] { await factory.Finance(), await factory.Finance2() };
        var responses = await Task.WhenAll(requests.Select((id, i) => officers[i % 2].Approve(id)));

        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await response.ShouldBreakRule("fund-insufficient");
        }

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var (budget, committed, approvedTotal) = await factory.WithDb(async db =>
        {
            var stored = await db.Funds.AsNoTracking().SingleAsync(f => f.Id == fund.Id);
            var approved = await db.EmergencyRequests
                .Where(r => r.FundId == fund.Id && r.Status == EmergencyRequestStatus.Approved)
                .SumAsync(r => r.Amount.MinorUnits);
            return (stored.Budget.MinorUnits, stored.Committed.MinorUnits, approved);
        });
        Assert.True(committed <= budget, $"Committed {committed} exceeds budget {budget}");
        Assert.Equal(approvedTotal, committed);
        Assert.Equal(9_000_00, committed);
    }

    [Fact]
    public async Task Two_finance_officers_approving_at_once_above_the_threshold_approve_and_commit_exactly_once()
    {
        var fund = await factory.CreateRapidResponseFund(budget: 100_000m, approvalThreshold: 1_000m);
        var member = await factory.NewOrganisationMember();
        var finance = await factory.Finance();
        var finance2 = await factory.Finance2();
        var requests = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            requests.Add((await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 2_000m))).Id);
        }

        var responses = await Task.WhenAll(requests.SelectMany(id => new[] { finance.Approve(id), finance2.Approve(id) }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var stored = await factory.WithDb(db => db.EmergencyRequests.AsNoTracking().Include(r => r.Approvals)
            .Where(r => requests.Contains(r.Id)).ToListAsync());
        Assert.All(stored, r =>
        {
            Assert.Equal(EmergencyRequestStatus.Approved, r.Status);
            Assert.Equal(2, r.Approvals.Count);
        });
        Assert.Equal(10_000m, (await factory.GetFund(fund.Id)).Committed);
    }

    [Fact]
    public async Task The_same_finance_officer_approving_twice_at_once_counts_once()
    {
        var fund = await factory.CreateRapidResponseFund(budget: 100_000m, approvalThreshold: 1_000m);
        var member = await factory.NewOrganisationMember();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 2_000m));
        var finance = await factory.Finance();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => finance.Approve(request.Id)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await response.ShouldBreakRule("duplicate-approval");
        }

        Assert.Equal(0m, (await factory.GetFund(fund.Id)).Committed);
    }
}
