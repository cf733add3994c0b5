using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Grants;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reviews;

namespace GrantHub.Tests.Decisions;

public class AwardFlowTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task An_officer_assigns_collects_blind_reviews_ranks_and_awards_and_the_grant_commits_exactly_the_award()
    {
        var consortium = await factory.SubmittedConsortium();
        await factory.Review(consortium.Id, await factory.NewReviewer(), 5, 4);
        await factory.Review(consortium.Id, await factory.NewReviewer(), 4, 4);
        await factory.CloseCall(consortium.Call.Id);
        var ranked = Assert.Single((await factory.Ranking(consortium.Call.Id)).Items);
        Assert.Equal((consortium.Id, 86m, 2, 100_000m, 100_000m, true), (ranked.ApplicationId, ranked.Score, ranked.ReviewCount, ranked.RequestedTotal, ranked.CumulativeRequested, ranked.FitsAvailable));
        var committedBefore = (await factory.GetFund(consortium.Call.FundId)).Committed;
        var start = factory.Today().AddMonths(2);
        var officer = await factory.Officer();

        var decision = await (await officer.Decide(consortium.Id, ReviewTestData.Award(90_000.01m, start, feedback: "Congratulations.")))
            .ReadAs<DecisionResponse>();

        Assert.Equal(
            (ApplicationDecision.Award, ApplicationStatus.Awarded, 90_000.01m, "EUR", 2, CallStatus.Decided),
            (decision.Decision, decision.Status, decision.AwardedAmount, decision.Currency, decision.SubmittedReviews, decision.CallStatus));
        var grant = await (await officer.GetAsync($"/api/grants/{decision.GrantId}")).ReadAs<GrantResponse>();
        Assert.Equal(decision.GrantNumber, grant.GrantNumber);
        Assert.Equal(
            (consortium.Id, consortium.Call.FundId, consortium.Lead.OrganisationId, GrantStatus.AwaitingSignature, 90_000.01m, start, start.AddMonths(24).AddDays(-1)),
            (grant.ApplicationId, grant.FundId, grant.LeadOrganisationId, grant.Status, grant.Amount, grant.StartDate, grant.EndDate));
        Assert.Equal(
            [(consortium.Lead.OrganisationId, 72_000.01m), (consortium.Partner.OrganisationId, 18_000m)],
            grant.Allocations.Select(a => (a.OrganisationId, a.Amount)));
        Assert.Equal(
            [(1, start, 45_000m, TrancheCondition.None), (2, start.AddMonths(12), 45_000.01m, TrancheCondition.PreviousAnnualReportAccepted)],
            grant.Tranches.Select(t => (t.Number, t.PlannedDate, t.Amount, t.Condition)));
        Assert.Equal(committedBefore + 90_000.01m, (await factory.GetFund(consortium.Call.FundId)).Committed);

        var seenByLead = await consortium.Lead.Client.Get(consortium.Id);
        Assert.Equal((ApplicationStatus.Awarded, "Congratulations."), (seenByLead.Status, seenByLead.DecisionFeedback));
        Assert.Equal(factory.StoredNow, seenByLead.DecidedAt);
        await (await consortium.Partner.Client.GetAsync($"/api/grants/{decision.GrantId}")).ShouldBe(HttpStatusCode.OK);
        foreach (var member in new[] { consortium.Lead.Client, consortium.Partner.Client })
        {
            var told = Assert.Single(await member.Notifications(), n => n.Kind == "application-decided");
            Assert.Contains(grant.GrantNumber, told.Body);
            Assert.DoesNotContain(consortium.Lead.Organisation.Name, told.Subject);
        }
    }

    [Fact]
    public async Task An_award_follows_the_officer_s_tranche_plan()
    {
        var consortium = await factory.SubmittedConsortium();
        await factory.CloseCall(consortium.Call.Id);
        var start = factory.Today().AddMonths(1);
        var plan = new PlannedTrancheInput[] { new(start.AddMonths(18), 20_000m), new(start, 50_000m), new(start.AddMonths(6), 30_000m) };

        var decision = await (await (await factory.Officer()).Decide(
                consortium.Id,
                ReviewTestData.Award(100_000m, start, overrideJustification: "The panel met in person.", tranches: plan)))
            .ReadAs<DecisionResponse>();

        var grant = await (await (await factory.Officer()).GetAsync($"/api/grants/{decision.GrantId}")).ReadAs<GrantResponse>();
        Assert.Equal(
            [(1, start, 50_000m), (2, start.AddMonths(6), 30_000m), (3, start.AddMonths(18), 20_000m)],
            grant.Tranches.Select(t => (t.Number, t.PlannedDate, t.Amount)));
        Assert.Equal([80_000m, 20_000m], grant.Allocations.Select(a => a.Amount));
    }
}
