using System.Net;
using GrantHub.Api.Features.Calls;
using GrantHub.Core.Applications;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reviews;
using Microsoft.EntityFrameworkCore;
using static GrantHub.Tests.Reviews.ReviewTestData;

using static GrantHub.Tests.Infrastructure.Amounts;

namespace GrantHub.Tests.Decisions;

public class RankingTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private sealed record RankingSet(Guid CallId, Guid FundId, Guid Top, Guid TieEarlier, Guid TieLater, Guid FewerReviews, Guid Unreviewed);

    /// <summary>
    /// Five submitted applications of 100,000 EUR each, against a fund with 350,000 available (400,000 budget, 50,000
    /// committed elsewhere), submitted in this order: "fewer reviews" (60 from one review), "tie earlier" (80 and 40),
    /// "tie later" (60 and 60), "top" (100 from one review), "unreviewed" (one recusal, one unsubmitted draft). A draft
    /// and a withdrawn application also belong to the call.
    /// </summary>
    private async Task<RankingSet> KnownSet()
    {
        var fund = await factory.CreateFund(budget: 400_000m);
        await factory.WithDb(async db =>
        {
            (await db.Funds.SingleAsync(f => f.Id == fund.Id)).Commit(EuroCents(50_000_00));
            return await db.SaveChangesAsync();
        });
        var call = await factory.OpenCall(input => input with { FundId = fund.Id });
        var first = await factory.NewReviewer();
        var second = await factory.NewReviewer();

        async Task<Guid> Submitted()
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            return (await factory.SubmittedConsortium(call)).Id;
        }

        var fewerReviews = await Submitted();
        var tieEarlier = await Submitted();
        var tieLater = await Submitted();
        var top = await Submitted();
        var unreviewed = await Submitted();
        await factory.ReadyConsortium(call);
        var withdrawn = await factory.SubmittedConsortium(call);
        await (await withdrawn.Lead.Client.PostJson($"/api/applications/{withdrawn.Id}/withdraw")).ShouldBe(HttpStatusCode.OK);

        await factory.Review(fewerReviews, first, 3, 3);
        var drafted = await factory.Assign(fewerReviews, second);
        await (await second.Client.Declare(drafted.Id, hasConflict: false)).ShouldBe(HttpStatusCode.OK);
        await (await second.Client.Score(drafted.Id, null, (RelevanceCriterion, 5), (ConsortiumCriterion, 5))).ShouldBe(HttpStatusCode.OK);
        await factory.Review(tieEarlier, first, 4, 4);
        await factory.Review(tieEarlier, second, 2, 2);
        await factory.Review(tieLater, first, 3, 3);
        await factory.Review(tieLater, second, 5, 0);
        await factory.Review(top, first, 5, 5);
        var recused = await factory.Assign(unreviewed, first);
        await (await first.Client.Declare(recused.Id, hasConflict: true, "I know the lead.")).ShouldBe(HttpStatusCode.OK);
        var draft = await factory.Assign(unreviewed, second);
        await (await second.Client.Declare(draft.Id, hasConflict: false)).ShouldBe(HttpStatusCode.OK);
        await (await second.Client.Score(draft.Id, null, (RelevanceCriterion, 5), (ConsortiumCriterion, 5))).ShouldBe(HttpStatusCode.OK);

        return new RankingSet(call.Id, fund.Id, top, tieEarlier, tieLater, fewerReviews, unreviewed);
    }

    [Fact]
    public async Task Ranks_by_mean_submitted_score_then_more_reviews_then_earlier_submission_and_shows_where_the_money_runs_out()
    {
        var set = await KnownSet();

        var ranking = await factory.Ranking(set.CallId);

        Assert.Equal((set.CallId, "EUR", 350_000m), (ranking.CallId, ranking.Currency, ranking.Available));
        Assert.Equal(
            [
                (set.Top, (decimal?)100m, 1, 100_000m, 100_000m, true),
                (set.TieEarlier, 60m, 2, 100_000m, 200_000m, true),
                (set.TieLater, 60m, 2, 100_000m, 300_000m, true),
                (set.FewerReviews, 60m, 1, 100_000m, 400_000m, false),
                (set.Unreviewed, null, 0, 100_000m, 500_000m, false),
            ],
            ranking.Items.Select(i => (i.ApplicationId, i.Score, i.ReviewCount, i.RequestedTotal, i.CumulativeRequested, i.FitsAvailable)));
        Assert.All(ranking.Items, i => Assert.Equal(ApplicationStatus.UnderReview, i.Status));
    }

    [Fact]
    public async Task Decided_applications_leave_the_ranking_and_an_award_leaves_less_available()
    {
        var set = await KnownSet();
        await factory.CloseCall(set.CallId);
        var officer = await factory.Officer();
        await (await officer.Decide(set.Top, Award(100_000m, factory.Today(), "One strong review and a panel hearing."))).ShouldBe(HttpStatusCode.OK);
        await (await officer.Decide(set.Unreviewed, Reject("Incomplete safeguarding plan."))).ShouldBe(HttpStatusCode.OK);

        var ranking = await factory.Ranking(set.CallId);

        Assert.Equal(250_000m, ranking.Available);
        Assert.Equal(
            [(set.TieEarlier, 100_000m, true), (set.TieLater, 200_000m, true), (set.FewerReviews, 300_000m, false)],
            ranking.Items.Select(i => (i.ApplicationId, i.CumulativeRequested, i.FitsAvailable)));
    }

    [Fact]
    public async Task Only_programme_officers_and_admins_see_a_ranking()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        await factory.Assign(consortium.Id, reviewer);
        var url = $"/api/calls/{consortium.Call.Id}/ranking";

        foreach (var client in new[] { reviewer.Client, await factory.Finance(), consortium.Lead.Client })
        {
            await (await client.GetAsync(url)).ShouldBe(HttpStatusCode.Forbidden);
        }

        Assert.Single((await (await (await factory.Admin()).GetAsync(url)).ReadAs<CallRankingResponse>()).Items);
        await (await (await factory.Officer()).GetAsync($"/api/calls/{Guid.NewGuid()}/ranking")).ShouldBe(HttpStatusCode.NotFound);
    }
}
