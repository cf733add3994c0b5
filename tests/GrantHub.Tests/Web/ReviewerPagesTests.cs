using System.Net;
using GrantHub.Api.Features.Reviews;
using GrantHub.Core.Reviews;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reviews;

namespace GrantHub.Tests.Web;

/// <summary>The reviewer's pages: declaration first, the rubric form, the server's weighted total, and nobody else's review.</summary>
public class ReviewerPagesTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Nothing_is_scored_before_the_declaration_which_needs_an_answer()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var assignment = await factory.Assign(consortium.Id, reviewer);
        var session = await WebSession.SignedIn(factory, reviewer.Email);

        Assert.Contains($"href=\"/reviews/{assignment.Id}\"", await session.Read("/reviews"));
        Assert.Contains($"href=\"/reviews/{assignment.Id}\"", await session.Read("/home"));
        var page = await session.Read($"/reviews/{assignment.Id}");
        Assert.Contains("Do you have a conflict of interest?", page);
        Assert.DoesNotContain("name=\"Scores[0]\"", page);

        var early = await WebSession.Html(await session.Post($"/reviews/{assignment.Id}?handler=Save", ("Scores[0]", "3"), ("Scores[1]", "")));
        Assert.Contains("Declare whether you have a conflict of interest first.", early);

        var unanswered = await WebSession.Html(await session.Post($"/reviews/{assignment.Id}?handler=Declare", ("Statement", "")));
        Assert.Equal("Say whether you have a conflict of interest.", WebSession.TextOf(unanswered, "HasConflict-error"));

        var declared = await session.Post($"/reviews/{assignment.Id}?handler=Declare", ("HasConflict", "false"), ("Statement", ""));
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        Assert.Contains("name=\"Scores[0]\"", await session.Read($"/reviews/{assignment.Id}"));
        Assert.Equal(ReviewStatus.InProgress, (await Review(assignment.Id)).Status);
    }

    [Fact]
    public async Task The_scoring_form_shows_each_criterion_s_description_beside_its_maximum_and_announces_it_with_the_field()
    {
        var call = await factory.OpenCall(input => input with
        {
            Rubric = [new(ReviewTestData.RelevanceCriterion, 60, 5, "Advances women's participation in peace talks."), new(ReviewTestData.ConsortiumCriterion, 40, 4)],
        });
        var consortium = await factory.SubmittedConsortium(call);
        var reviewer = await factory.NewReviewer();
        var assignment = await factory.Assign(consortium.Id, reviewer);
        await (await reviewer.Client.Declare(assignment.Id, hasConflict: false)).ShouldBe(HttpStatusCode.OK);
        var session = await WebSession.SignedIn(factory, reviewer.Email);

        var page = await session.Read($"/reviews/{assignment.Id}");

        Assert.Equal("Advances women's participation in peace talks.", WebSession.TextOf(page, "criterion-0-description"));
        Assert.Contains("aria-describedby=\"criterion-0-description score-0-error\"", page);
        Assert.Contains("id=\"score-1\" name=\"Scores[1]\" aria-describedby=\"score-1-error\"", page);
        Assert.DoesNotContain("criterion-1-description", page);
    }

    [Fact]
    public async Task The_weighted_total_is_the_server_s_after_saving_and_submitting_needs_every_criterion()
    {
        var (assignmentId, session) = await DeclaredReview();

        var notANumber = await WebSession.Html(await session.Post($"/reviews/{assignmentId}?handler=Save", ("Scores[0]", "four"), ("Scores[1]", ""), ("Comment", "")));
        Assert.StartsWith("Enter a whole number from 0 to 5.", WebSession.TextOf(notANumber, "score-0-error"));

        var tooHigh = await WebSession.Html(await session.Post($"/reviews/{assignmentId}?handler=Save", ("Scores[0]", "4"), ("Scores[1]", "9"), ("Comment", "")));
        Assert.Equal("'Consortium' is scored from 0 to 5.", WebSession.TextOf(tooHigh, "score-1-error"));
        Assert.Empty((await Review(assignmentId)).Scores);

        var saved = await session.Post($"/reviews/{assignmentId}?handler=Save", ("Scores[0]", "4"), ("Scores[1]", ""), ("Comment", "Clear theory of change."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("id=\"weighted-total\">48.00</strong>", await session.Read($"/reviews/{assignmentId}"));

        var incomplete = await WebSession.Html(await session.Post($"/reviews/{assignmentId}?handler=Submit", ("Scores[0]", "4"), ("Scores[1]", ""), ("Comment", "Clear theory of change.")));
        Assert.Contains("Score every criterion before submitting the review.", incomplete);
        Assert.Equal(ReviewStatus.InProgress, (await Review(assignmentId)).Status);

        var submitted = await session.Post($"/reviews/{assignmentId}?handler=Submit", ("Scores[0]", "4"), ("Scores[1]", "3"), ("Comment", "Clear theory of change."));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var final = await session.Read($"/reviews/{assignmentId}");
        Assert.Contains("id=\"weighted-total\">72.00</strong>", final);
        Assert.DoesNotContain("name=\"Scores[0]\"", final);
        Assert.Equal(72m, (await Review(assignmentId)).WeightedScore);
    }

    [Fact]
    public async Task A_reviewer_reaches_neither_another_reviewer_s_scores_nor_an_unassigned_application_nor_the_officers_pages()
    {
        var consortium = await factory.SubmittedConsortium();
        var first = await factory.Review(consortium.Id, await factory.NewReviewer(), relevance: 5, consortium: 5, comment: "First reviewer's private opinion.");
        var second = await factory.NewReviewer();
        var own = await factory.Assign(consortium.Id, second);
        var unassigned = await factory.SubmittedConsortium();
        var session = await WebSession.SignedIn(factory, second.Email);

        await session.Read($"/reviews/{first.Id}", HttpStatusCode.NotFound);
        Assert.DoesNotContain("First reviewer's private opinion.", await session.Read($"/applications/{consortium.Id}"));
        await session.Read($"/applications/{unassigned.Id}", HttpStatusCode.NotFound);
        await session.Forbidden($"/applications/{consortium.Id}/assessment");
        await session.Forbidden($"/calls/{consortium.Call.Id}/applications");
        await session.Forbidden($"/calls/{consortium.Call.Id}/ranking");
        await session.Read($"/reviews/{own.Id}");
        var refused = await session.Post($"/reviews/{first.Id}?handler=Save", ("Scores[0]", "0"), ("Scores[1]", "0"));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(100m, (await Review(first.Id)).WeightedScore);
    }

    [Fact]
    public async Task Officers_read_reviews_on_the_application_page_and_never_open_the_reviewer_s_form()
    {
        var consortium = await factory.SubmittedConsortium();
        var review = await factory.Review(consortium.Id, await factory.NewReviewer(), relevance: 3, consortium: 2, comment: "Promising.");
        var officer = await WebSession.SignedIn(factory, "officer@granthub.local", language: "fr");

        await officer.Forbidden($"/reviews/{review.Id}");
        var page = WebUtility.HtmlDecode(await officer.Read($"/applications/{consortium.Id}/assessment"));
        Assert.Contains("Promising.", page);
        Assert.Contains("1 des 2 évaluations exigées soumises ; note moyenne 52,00", page);
    }

    private async Task<(Guid AssignmentId, WebSession Session)> DeclaredReview()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var assignment = await factory.Assign(consortium.Id, reviewer);
        await (await reviewer.Client.Declare(assignment.Id, hasConflict: false)).ShouldBe(HttpStatusCode.OK);
        var session = await WebSession.SignedIn(factory, reviewer.Email);
        await session.Read($"/reviews/{assignment.Id}");
        return (assignment.Id, session);
    }

    private async Task<ReviewAssignmentResponse> Review(Guid assignmentId) =>
        await (await (await factory.Officer()).GetAsync($"/api/reviews/{assignmentId}")).ReadAs<ReviewAssignmentResponse>();
}
