using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using Mediator;

namespace GrantHub.Api.Features.Reviews;

/// <summary>Every route under <c>/api/reviews</c>; assigning reviewers and listing an application's reviews live under <c>/api/applications</c>.</summary>
public static class ReviewEndpoints
{
    public static void MapReviewEndpoints(this IEndpointRouteBuilder routes)
    {
        var reviews = routes.MapGroup("/api/reviews").WithTags("Reviews").WithProblemResponses().RequireAuthorization();

        reviews.MapGetBuiltAtStart("/mine", (IMediator mediator, [AsParameters] ListMyReviewsQuery query, CancellationToken ct) =>
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
