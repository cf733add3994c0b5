using System.Net;
using GrantHub.Api.Features.Reviews;
using GrantHub.Core.Reviews;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using static GrantHub.Tests.Reviews.ReviewTestData;

namespace GrantHub.Tests.Reviews;

public class ScoringTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private async Task<(ScenarioUser Reviewer, ReviewAssignmentResponse Assignment)> Declared()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var assignment = await factory.Assign(consortium.Id, reviewer);
        await (await reviewer.Client.Declare(assignment.Id, hasConflict: false)).ShouldBe(HttpStatusCode.OK);
        return (reviewer, assignment);
    }

    [Fact]
    public async Task A_reviewer_drafts_part_of_the_rubric_then_submits_every_criterion_for_a_weighted_score()
    {
        var (reviewer, assignment) = await Declared();

        var draft = await (await reviewer.Client.Score(assignment.Id, "Strong relevance.", (RelevanceCriterion, 4))).ReadAs<ReviewAssignmentResponse>();
        Assert.Equal(ReviewStatus.InProgress, draft.Status);
        Assert.Equal([new ReviewScoreResponse(RelevanceCriterion, 4)], draft.Scores);
        Assert.Null(draft.WeightedScore);
        Assert.Equal([(RelevanceCriterion, 60, 5), (ConsortiumCriterion, 40, 5)], draft.Rubric.Select(r => (r.Criterion, r.Weight, r.MaxScore)));
        await (await reviewer.Client.SubmitReview(assignment.Id)).ShouldBreakRule("review-incomplete");

        await (await reviewer.Client.Score(assignment.Id, "Strong relevance; a young consortium.", ("consortium", 3), (RelevanceCriterion, 4))).ShouldBe(HttpStatusCode.OK);
        var submitted = await (await reviewer.Client.SubmitReview(assignment.Id)).ReadAs<ReviewAssignmentResponse>();

        Assert.Equal(ReviewStatus.Submitted, submitted.Status);
        Assert.Equal([new ReviewScoreResponse(RelevanceCriterion, 4), new ReviewScoreResponse(ConsortiumCriterion, 3)], submitted.Scores);
        Assert.Equal(72m, submitted.WeightedScore);
        Assert.Equal(factory.StoredNow, submitted.SubmittedAt);
        Assert.Equal("Strong relevance; a young consortium.", submitted.Comment);
    }

    [Fact]
    public async Task A_submitted_review_is_final()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var submitted = await factory.Review(consortium.Id, reviewer, 5, 5);

        await (await reviewer.Client.Score(submitted.Id, "Second thoughts.", (RelevanceCriterion, 1), (ConsortiumCriterion, 1))).ShouldBreakRule("review-already-submitted");
        await (await reviewer.Client.SubmitReview(submitted.Id)).ShouldBreakRule("review-already-submitted");
        Assert.Equal(100m, Assert.Single((await factory.ReviewsOf(consortium.Id)).Items).WeightedScore);
    }

    [Fact]
    public async Task Zero_is_a_score_and_the_maximum_too()
    {
        var (reviewer, assignment) = await Declared();

        await (await reviewer.Client.Score(assignment.Id, null, (RelevanceCriterion, 0), (ConsortiumCriterion, 5))).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(40m, (await (await reviewer.Client.SubmitReview(assignment.Id)).ReadAs<ReviewAssignmentResponse>()).WeightedScore);
    }

    [Fact]
    public async Task Scores_must_fit_the_rubric_each_refused_on_its_own_field()
    {
        var (reviewer, assignment) = await Declared();
        var url = $"/api/reviews/{assignment.Id}";

        await (await reviewer.Client.Score(assignment.Id, null, ("Impact", 3))).ShouldBeInvalid("scores[0].criterion");
        await (await reviewer.Client.Score(assignment.Id, null, (RelevanceCriterion, 3), (ConsortiumCriterion, 6))).ShouldBeInvalid("scores[1].score");
        await (await reviewer.Client.Score(assignment.Id, null, (RelevanceCriterion, -1))).ShouldBeInvalid("scores[0].score");
        await (await reviewer.Client.Score(assignment.Id, null, (RelevanceCriterion, 3), ("relevance", 4))).ShouldBeInvalid("scores");
        await (await reviewer.Client.Score(assignment.Id, new string('x', ReviewAssignment.MaxCommentLength + 1), (RelevanceCriterion, 3))).ShouldBeInvalid("comment");
        await (await reviewer.Client.PutJson(url, new { scores = new[] { new { criterion = RelevanceCriterion, score = 3.5 } } })).ShouldBeInvalid("scores[0].score");
        await (await reviewer.Client.PutJson(url, new { comment = "No scores." })).ShouldBeInvalid("scores");

        var unchanged = Assert.Single((await factory.ReviewsOf(assignment.ApplicationId)).Items);
        Assert.Empty(unchanged.Scores);
    }

    [Fact]
    public async Task An_empty_draft_is_saved_and_cannot_be_submitted()
    {
        var (reviewer, assignment) = await Declared();

        var draft = await (await reviewer.Client.Score(assignment.Id, "Reading it first.")).ReadAs<ReviewAssignmentResponse>();

        Assert.Empty(draft.Scores);
        await (await reviewer.Client.SubmitReview(assignment.Id)).ShouldBreakRule("review-incomplete");
    }
}
