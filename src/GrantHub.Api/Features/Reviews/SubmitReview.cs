using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Reviews;

public record SubmitReviewCommand(Guid Id) : ICommand<ReviewAssignmentResponse>, IHasId;

/// <summary>The reviewer submits the draft once every criterion is scored; the review and its weighted score are then final.</summary>
public sealed class SubmitReviewHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock)
    : ICommandHandler<SubmitReviewCommand, ReviewAssignmentResponse>
{
    public async ValueTask<ReviewAssignmentResponse> Handle(SubmitReviewCommand command, CancellationToken cancellationToken)
    {
        var assignment = await viewer.FindMyAssignmentToWorkOnAsync(command.Id, cancellationToken);
        var rubric = await db.Calls.AsNoTracking().Where(c => c.Id == assignment.CallId).Select(c => c.Rubric).SingleAsync(cancellationToken);
        assignment.Submit(rubric, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(assignment, cancellationToken);
    }
}
