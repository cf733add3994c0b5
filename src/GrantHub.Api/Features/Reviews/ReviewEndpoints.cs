using GrantHub.Api.Infrastructure;
using Mediator;

namespace GrantHub.Api.Features.Reviews;

public static class ReviewEndpoints
{
    public static void MapReviewEndpoints(this IEndpointRouteBuilder routes)
    {
        var applications = routes.MapGroup("/api/applications").WithTags("Reviews").WithProblemResponses();

        applications.MapPost("/{id:guid}/reviewers", async (Guid id, AssignReviewerRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var assignment = await mediator.Send(new AssignReviewerCommand(id, request.ReviewerUserId, request.DueAt), ct);
                return TypedResults.Created($"/api/reviews/{assignment.Id}", assignment);
            })
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Assign a reviewer who belongs to none of the consortium's organisations; the application goes under review (ProgrammeOfficer)");

        applications.MapGet("/{id:guid}/reviews", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListApplicationReviewsQuery(id), ct))
            .RequireAuthorization(Policies.AdminOrProgrammeOfficer)
            .WithSummary("Every assignment of an application with declarations, scores and weighted scores (ProgrammeOfficer, Admin)");

        var reviews = routes.MapGroup("/api/reviews").WithTags("Reviews").WithProblemResponses().RequireAuthorization();

        reviews.MapGet("/mine", (IMediator mediator, [AsParameters] ListMyReviewsQuery query, CancellationToken ct) =>
                mediator.Send(query, ct))
            .RequireAuthorization(Policies.Reviewer)
            .WithSummary("List your review assignments, soonest due first (Reviewer)");

        reviews.MapGet("/{assignmentId:guid}", (Guid assignmentId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetReviewQuery(assignmentId), ct))
            .WithSummary("Get a review assignment (its reviewer; ProgrammeOfficer, Admin)");

        reviews.MapPost("/{assignmentId:guid}/conflict-declaration", (Guid assignmentId, ConflictDeclarationRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new DeclareConflictCommand(assignmentId, request.HasConflict, request.Statement), ct))
            .RequireAuthorization(Policies.Reviewer)
            .WithSummary("Declare whether you have a conflict of interest; a conflict recuses you (the assigned Reviewer)");

        reviews.MapPut("/{assignmentId:guid}", (Guid assignmentId, SaveReviewDraftRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SaveReviewDraftCommand(assignmentId, request.Scores, request.Comment), ct))
            .RequireAuthorization(Policies.Reviewer)
            .WithSummary("Save your draft scores (any rubric criteria) and comment (the assigned Reviewer)");

        reviews.MapPost("/{assignmentId:guid}/submit", (Guid assignmentId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SubmitReviewCommand(assignmentId), ct))
            .RequireAuthorization(Policies.Reviewer)
            .WithSummary("Submit your review once every criterion is scored; it is then final (the assigned Reviewer)");
    }
}
