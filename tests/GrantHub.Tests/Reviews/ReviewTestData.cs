using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Reviews;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Identity;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Reviews;

/// <summary>
/// Reviews and decisions through HTTP. The test calls' rubric is Relevance (weight 60, max 5) and Consortium
/// (weight 40, max 5), so a review's weighted score is 12 × relevance + 8 × consortium; two reviews are the minimum.
/// </summary>
public static class ReviewTestData
{
    public const string RelevanceCriterion = "Relevance";
    public const string ConsortiumCriterion = "Consortium";

    public static Task<ScenarioUser> NewReviewer(this GrantHubFactory factory) => factory.NewStaffUser(Roles.Reviewer);

    /// <summary>A ready consortium (100,000 EUR: lead 80,000, partner 20,000), submitted.</summary>
    public static async Task<Consortium> SubmittedConsortium(this GrantHubFactory factory, CallResponse? call = null)
    {
        var consortium = await factory.ReadyConsortium(call);
        var submitted = await (await consortium.Lead.Client.Submit(consortium.Id)).ReadAs<ApplicationResponse>();
        return consortium with { Application = submitted };
    }

    public static async Task<CallResponse> CloseCall(this GrantHubFactory factory, Guid callId) =>
        await (await (await factory.Officer()).PostJson($"/api/calls/{callId}/close")).ReadAs<CallResponse>();

    public static Task<HttpResponseMessage> AssignReviewer(this HttpClient officer, Guid applicationId, Guid reviewerUserId, DateTimeOffset dueAt) =>
        officer.PostJson($"/api/applications/{applicationId}/reviewers", new AssignReviewerRequest(reviewerUserId, dueAt));

    public static async Task<ReviewAssignmentResponse> Assign(this GrantHubFactory factory, Guid applicationId, ScenarioUser reviewer, TimeSpan? dueIn = null)
    {
        var officer = await factory.Officer();
        var dueAt = factory.Clock.GetUtcNow() + (dueIn ?? TimeSpan.FromDays(14));
        return await (await officer.AssignReviewer(applicationId, reviewer.Id, dueAt)).ReadAs<ReviewAssignmentResponse>(HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> Declare(this HttpClient reviewer, Guid assignmentId, bool hasConflict, string? statement = null) =>
        reviewer.PostJson($"/api/reviews/{assignmentId}/conflict-declaration", new ConflictDeclarationRequest(hasConflict, statement));

    public static Task<HttpResponseMessage> Score(this HttpClient reviewer, Guid assignmentId, string? comment, params (string Criterion, int Score)[] scores) =>
        reviewer.PutJson($"/api/reviews/{assignmentId}", new SaveReviewDraftRequest([.. scores.Select(s => new ReviewScoreInput(s.Criterion, s.Score))], comment));

    public static Task<HttpResponseMessage> SubmitReview(this HttpClient reviewer, Guid assignmentId) =>
        reviewer.PostJson($"/api/reviews/{assignmentId}/submit");

    /// <summary>Assigns the reviewer, who declares no conflict, scores both criteria and submits.</summary>
    public static async Task<ReviewAssignmentResponse> Review(
        this GrantHubFactory factory, Guid applicationId, ScenarioUser reviewer, int relevance, int consortium, string? comment = "Solid plan.")
    {
        var assignment = await factory.Assign(applicationId, reviewer);
        await (await reviewer.Client.Declare(assignment.Id, hasConflict: false)).ShouldBe(HttpStatusCode.OK);
        await (await reviewer.Client.Score(assignment.Id, comment, (RelevanceCriterion, relevance), (ConsortiumCriterion, consortium))).ShouldBe(HttpStatusCode.OK);
        return await (await reviewer.Client.SubmitReview(assignment.Id)).ReadAs<ReviewAssignmentResponse>();
    }

    public static async Task<ApplicationReviewsResponse> ReviewsOf(this GrantHubFactory factory, Guid applicationId) =>
        await (await (await factory.Officer()).GetAsync($"/api/applications/{applicationId}/reviews")).ReadAs<ApplicationReviewsResponse>();

    public static async Task<CallRankingResponse> Ranking(this GrantHubFactory factory, Guid callId) =>
        await (await (await factory.Officer()).GetAsync($"/api/calls/{callId}/ranking")).ReadAs<CallRankingResponse>();

    public static Task<HttpResponseMessage> Decide(this HttpClient officer, Guid applicationId, DecideApplicationRequest decision) =>
        officer.PostJson($"/api/applications/{applicationId}/decision", decision);

    public static DecideApplicationRequest Award(
        decimal amount, DateOnly startDate, string? overrideJustification = null, IReadOnlyList<PlannedTrancheInput>? tranches = null, string? feedback = null) =>
        new(ApplicationDecision.Award, amount, startDate, tranches, feedback, overrideJustification);

    public static DecideApplicationRequest Reject(string feedback) => new(ApplicationDecision.Reject, null, null, null, feedback, null);

    public static async Task<SweepResult> SendReviewDueReminders(this GrantHubFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendReviewDueRemindersCommand());
    }
}
