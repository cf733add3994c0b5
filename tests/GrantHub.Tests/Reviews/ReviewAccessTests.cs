using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Reviews;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Core.Applications;
using GrantHub.Core.Reviews;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Infrastructure;
using static GrantHub.Tests.Reviews.ReviewTestData;

namespace GrantHub.Tests.Reviews;

public class ReviewAccessTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Reviewer_b_never_sees_reviewer_a_s_scores_anywhere()
    {
        const string secret = "Reviewer A thinks the budget is padded.";
        var consortium = await factory.SubmittedConsortium();
        var reviewerA = await factory.NewReviewer();
        var reviewerB = await factory.NewReviewer();
        var reviewA = await factory.Review(consortium.Id, reviewerA, 5, 2, secret);
        var assignmentB = await factory.Assign(consortium.Id, reviewerB);

        var mine = await (await reviewerB.Client.GetAsync("/api/reviews/mine")).ReadAs<PagedResponse<ReviewAssignmentResponse>>();
        Assert.Equal([assignmentB.Id], mine.Items.Select(r => r.Id));
        await (await reviewerB.Client.GetAsync($"/api/reviews/{reviewA.Id}")).ShouldBe(HttpStatusCode.NotFound);
        await (await reviewerB.Client.Score(reviewA.Id, "Mine now.", (RelevanceCriterion, 1))).ShouldBe(HttpStatusCode.NotFound);
        await (await reviewerB.Client.SubmitReview(reviewA.Id)).ShouldBe(HttpStatusCode.NotFound);
        await (await reviewerB.Client.Declare(reviewA.Id, hasConflict: true, "Let me in.")).ShouldBe(HttpStatusCode.NotFound);
        await (await reviewerB.Client.GetAsync($"/api/applications/{consortium.Id}/reviews")).ShouldBe(HttpStatusCode.Forbidden);
        await (await reviewerB.Client.GetAsync($"/api/calls/{consortium.Call.Id}/ranking")).ShouldBe(HttpStatusCode.Forbidden);
        var application = await (await reviewerB.Client.GetAsync($"/api/applications/{consortium.Id}")).Content.ReadAsStringAsync();
        var listed = await (await reviewerB.Client.GetAsync("/api/applications")).Content.ReadAsStringAsync();
        var notifications = string.Join(" ", (await reviewerB.Client.Notifications()).Select(n => n.Subject + " " + n.Body));
        foreach (var seen in new[] { application, listed, notifications })
        {
            Assert.DoesNotContain(secret, seen);
            Assert.DoesNotContain("weightedScore", seen);
        }

        var own = await (await reviewerA.Client.GetAsync($"/api/reviews/{reviewA.Id}")).ReadAs<ReviewAssignmentResponse>();
        Assert.Equal(secret, own.Comment);
    }

    [Fact]
    public async Task An_assigned_reviewer_reads_the_application_and_an_unassigned_one_gets_not_found()
    {
        var consortium = await factory.SubmittedConsortium();
        var assigned = await factory.NewReviewer();
        var unassigned = await factory.NewReviewer();
        await factory.Assign(consortium.Id, assigned);

        var read = await (await assigned.Client.GetAsync($"/api/applications/{consortium.Id}")).ReadAs<ApplicationResponse>();
        Assert.Equal(consortium.Application.Title, read.Title);
        var listed = await (await assigned.Client.GetAsync($"/api/applications?callId={consortium.Call.Id}")).ReadAs<PagedResponse<ApplicationResponse>>();
        Assert.Equal([consortium.Id], listed.Items.Select(a => a.Id));

        var problem = await (await unassigned.Client.GetAsync($"/api/applications/{consortium.Id}")).ReadJson(HttpStatusCode.NotFound);
        Assert.DoesNotContain(consortium.Application.Title, problem.ToString());
        var none = await (await unassigned.Client.GetAsync($"/api/applications?callId={consortium.Call.Id}")).ReadAs<PagedResponse<ApplicationResponse>>();
        Assert.Empty(none.Items);
    }

    [Fact]
    public async Task A_reviewer_reads_but_never_changes_the_application()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        await factory.Assign(consortium.Id, reviewer);

        await (await reviewer.Client.PutJson($"/api/applications/{consortium.Id}", ApplicationTestData.UpdateInput(consortium.Application)))
            .ShouldBe(HttpStatusCode.Forbidden);
        await (await reviewer.Client.PostJson($"/api/applications/{consortium.Id}/withdraw")).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(ApplicationStatus.UnderReview, (await consortium.Lead.Client.Get(consortium.Id)).Status);
    }

    [Fact]
    public async Task Officers_and_admins_see_every_assignment_in_assignment_order_with_its_declaration_scores_and_weighted_score()
    {
        var consortium = await factory.SubmittedConsortium();
        var first = await factory.NewReviewer();
        var second = await factory.NewReviewer();
        var third = await factory.NewReviewer();
        await factory.Review(consortium.Id, first, 4, 4, "Convincing.");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var drafting = await factory.Assign(consortium.Id, second);
        await (await second.Client.Declare(drafting.Id, hasConflict: false)).ShouldBe(HttpStatusCode.OK);
        await (await second.Client.Score(drafting.Id, "Half way.", (RelevanceCriterion, 2))).ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var recused = await factory.Assign(consortium.Id, third);
        await (await third.Client.Declare(recused.Id, hasConflict: true, "Former employee of the lead.")).ShouldBe(HttpStatusCode.OK);

        foreach (var staff in new[] { await factory.Officer(), await factory.Admin() })
        {
            var reviews = await (await staff.GetAsync($"/api/applications/{consortium.Id}/reviews")).ReadAs<ApplicationReviewsResponse>();

            Assert.Equal((ApplicationStatus.UnderReview, 2, 1, 80m), (reviews.ApplicationStatus, reviews.MinReviewsPerApplication, reviews.SubmittedReviews, reviews.MeanScore));
            Assert.Equal(
                [(first.Id, ReviewStatus.Submitted, 80m, "Convincing."), (second.Id, ReviewStatus.InProgress, null, "Half way."), (third.Id, ReviewStatus.Recused, null, null)],
                reviews.Items.Select(r => (r.ReviewerUserId, r.Status, r.WeightedScore, r.Comment)));
            Assert.Equal([new ReviewScoreResponse(RelevanceCriterion, 2)], reviews.Items[1].Scores);
            Assert.Equal("Former employee of the lead.", reviews.Items[2].ConflictDeclaration!.Statement);
            Assert.Equal("Staff member", reviews.Items[0].ReviewerName);
        }
    }

    [Fact]
    public async Task Review_routes_refuse_the_wrong_roles()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var assignment = await factory.Assign(consortium.Id, reviewer);
        var officer = await factory.Officer();

        await (await officer.GetAsync("/api/reviews/mine")).ShouldBe(HttpStatusCode.Forbidden);
        await (await officer.Declare(assignment.Id, hasConflict: false)).ShouldBe(HttpStatusCode.Forbidden);
        await (await officer.Score(assignment.Id, null, (RelevanceCriterion, 1))).ShouldBe(HttpStatusCode.Forbidden);
        await (await officer.SubmitReview(assignment.Id)).ShouldBe(HttpStatusCode.Forbidden);
        await (await consortium.Lead.Client.GetAsync("/api/reviews/mine")).ShouldBe(HttpStatusCode.Forbidden);
        await (await consortium.Lead.Client.Declare(assignment.Id, hasConflict: false)).ShouldBe(HttpStatusCode.Forbidden);
        await (await consortium.Lead.Client.GetAsync($"/api/applications/{consortium.Id}/reviews")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Finance()).GetAsync($"/api/applications/{consortium.Id}/reviews")).ShouldBe(HttpStatusCode.Forbidden);
        await (await consortium.Lead.Client.GetAsync($"/api/reviews/{assignment.Id}")).ShouldBe(HttpStatusCode.NotFound);
        await (await officer.GetAsync($"/api/applications/{Guid.NewGuid()}/reviews")).ShouldBe(HttpStatusCode.NotFound);
        await (await factory.CreateClient().GetAsync("/api/reviews/mine")).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(ReviewStatus.Assigned, (await (await officer.GetAsync($"/api/reviews/{assignment.Id}")).ReadAs<ReviewAssignmentResponse>()).Status);
    }

    [Fact]
    public async Task My_reviews_are_paged_soonest_due_first()
    {
        var reviewer = await factory.NewReviewer();
        var later = await factory.Assign((await factory.SubmittedConsortium()).Id, reviewer, TimeSpan.FromDays(20));
        var soonest = await factory.Assign((await factory.SubmittedConsortium()).Id, reviewer, TimeSpan.FromDays(5));
        var middle = await factory.Assign((await factory.SubmittedConsortium()).Id, reviewer, TimeSpan.FromDays(10));
        await (await reviewer.Client.Declare(middle.Id, hasConflict: false)).ShouldBe(HttpStatusCode.OK);

        var first = await (await reviewer.Client.GetAsync("/api/reviews/mine?pageSize=2")).ReadAs<PagedResponse<ReviewAssignmentResponse>>();
        var second = await (await reviewer.Client.GetAsync("/api/reviews/mine?pageSize=2&page=2")).ReadAs<PagedResponse<ReviewAssignmentResponse>>();
        var inProgress = await (await reviewer.Client.GetAsync("/api/reviews/mine?status=InProgress")).ReadAs<PagedResponse<ReviewAssignmentResponse>>();

        Assert.Equal([soonest.Id, middle.Id], first.Items.Select(r => r.Id));
        Assert.Equal([later.Id], second.Items.Select(r => r.Id));
        Assert.Equal(3, first.TotalCount);
        Assert.Equal([middle.Id], inProgress.Items.Select(r => r.Id));
        await (await reviewer.Client.GetAsync("/api/reviews/mine?pageSize=101")).ShouldBeInvalid("pageSize");
    }
}
