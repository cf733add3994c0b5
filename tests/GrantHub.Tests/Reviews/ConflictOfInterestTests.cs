using System.Net;
using GrantHub.Api.Features.Reviews;
using GrantHub.Core.Reviews;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Reviews;

public class ConflictOfInterestTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Nothing_is_scored_before_the_reviewer_declares_whether_they_have_a_conflict()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var assignment = await factory.Assign(consortium.Id, reviewer);

        await (await reviewer.Client.Score(assignment.Id, null, (ReviewTestData.RelevanceCriterion, 4))).ShouldBreakRule("conflict-not-declared");
        await (await reviewer.Client.SubmitReview(assignment.Id)).ShouldBreakRule("conflict-not-declared");

        var declared = await (await reviewer.Client.Declare(assignment.Id, hasConflict: false)).ReadAs<ReviewAssignmentResponse>();
        Assert.Equal(ReviewStatus.InProgress, declared.Status);
        Assert.False(declared.ConflictDeclaration!.HasConflict);
        await (await reviewer.Client.Score(assignment.Id, null, (ReviewTestData.RelevanceCriterion, 4))).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_declared_conflict_recuses_the_reviewer_and_the_officer_assigns_someone_else()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var assignment = await factory.Assign(consortium.Id, reviewer);

        var recused = await (await reviewer.Client.Declare(assignment.Id, hasConflict: true, "I advised the lead organisation last year."))
            .ReadAs<ReviewAssignmentResponse>();

        Assert.Equal(ReviewStatus.Recused, recused.Status);
        await (await reviewer.Client.Score(assignment.Id, null, (ReviewTestData.RelevanceCriterion, 4))).ShouldBreakRule("review-recused");
        await (await reviewer.Client.SubmitReview(assignment.Id)).ShouldBreakRule("review-recused");
        await (await reviewer.Client.Declare(assignment.Id, hasConflict: false)).ShouldBreakRule("review-recused");
        await (await reviewer.Client.GetAsync($"/api/applications/{consortium.Id}")).ShouldBe(HttpStatusCode.NotFound);

        var seen = Assert.Single((await factory.ReviewsOf(consortium.Id)).Items);
        Assert.Equal(ReviewStatus.Recused, seen.Status);
        Assert.Equal("I advised the lead organisation last year.", seen.ConflictDeclaration!.Statement);
        var officerId = await factory.UserId(GrantScenarios.OfficerEmail);
        Assert.Contains("review-recused", await factory.NotificationKinds(officerId));
        Assert.Equal(
            $"/applications/{consortium.Id}/assessment",
            await factory.WithDb(db => db.Notifications
                .Where(n => n.RecipientUserId == officerId && n.DeduplicationKey.StartsWith($"review-recused:{assignment.Id}"))
                .Select(n => n.Link)
                .SingleAsync()));
        await (await (await factory.Officer()).AssignReviewer(consortium.Id, reviewer.Id, factory.Clock.GetUtcNow().AddDays(7)))
            .ShouldBreakRule("reviewer-already-assigned");
        var replacement = await factory.Assign(consortium.Id, await factory.NewReviewer());
        Assert.Equal(ReviewStatus.Assigned, replacement.Status);
    }

    [Fact]
    public async Task A_conflict_found_while_scoring_recuses_the_reviewer_and_discards_the_draft()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var assignment = await factory.Assign(consortium.Id, reviewer);
        await (await reviewer.Client.Declare(assignment.Id, hasConflict: false)).ShouldBe(HttpStatusCode.OK);
        await (await reviewer.Client.Score(assignment.Id, "Promising.", (ReviewTestData.RelevanceCriterion, 5))).ShouldBe(HttpStatusCode.OK);

        var recused = await (await reviewer.Client.Declare(assignment.Id, hasConflict: true, "My sister chairs the partner's board."))
            .ReadAs<ReviewAssignmentResponse>();

        Assert.Equal(ReviewStatus.Recused, recused.Status);
        Assert.Empty(recused.Scores);
        Assert.Null(recused.Comment);
    }

    [Fact]
    public async Task No_conflict_is_declared_once_and_a_submitted_review_takes_no_declaration()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var submitted = await factory.Review(consortium.Id, reviewer, 4, 4);
        var other = await factory.SubmittedConsortium();
        var assignment = await factory.Assign(other.Id, reviewer);
        await (await reviewer.Client.Declare(assignment.Id, hasConflict: false)).ShouldBe(HttpStatusCode.OK);

        await (await reviewer.Client.Declare(assignment.Id, hasConflict: false)).ShouldBreakRule("conflict-already-declared");
        await (await reviewer.Client.Declare(submitted.Id, hasConflict: true, "Too late.")).ShouldBreakRule("review-already-submitted");
    }

    [Fact]
    public async Task A_declaration_says_yes_or_no_and_a_conflict_is_described()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var assignment = await factory.Assign(consortium.Id, reviewer);
        var url = $"/api/reviews/{assignment.Id}/conflict-declaration";

        await (await reviewer.Client.Declare(assignment.Id, hasConflict: true, " ")).ShouldBeInvalid("statement");
        await (await reviewer.Client.PostJson(url, new { statement = "No." })).ShouldBeInvalid("hasConflict");
        await (await reviewer.Client.PostJson(url, new { hasConflict = false, mood = "fine" })).ShouldBeInvalid("mood");
        await (await reviewer.Client.Declare(assignment.Id, hasConflict: true, new string('x', ReviewAssignment.MaxStatementLength + 1)))
            .ShouldBeInvalid("statement");
        Assert.Equal(ReviewStatus.Assigned, Assert.Single((await factory.ReviewsOf(consortium.Id)).Items).Status);
    }

    [Fact]
    public async Task The_statement_stays_out_of_the_audit_trail()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var assignment = await factory.Assign(consortium.Id, reviewer);

        await (await reviewer.Client.Declare(assignment.Id, hasConflict: true, "Confidential: my partner works there.")).ShouldBe(HttpStatusCode.OK);

        var payloads = await factory.WithDb(db => db.AuditEntries.Where(a => a.ObjectId == assignment.Id).Select(a => a.Payload).ToListAsync());
        Assert.Contains(payloads, p => p.Contains("[redacted]"));
        Assert.DoesNotContain(payloads, p => p.Contains("my partner works there"));
    }
}
