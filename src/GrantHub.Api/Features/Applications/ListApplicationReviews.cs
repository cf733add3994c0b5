using GrantHub.Api.Features.Reviews;
using GrantHub.Core.Applications;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

public record ListApplicationReviewsQuery(Guid Id) : IQuery<ApplicationReviewsResponse>;

/// <summary>
/// Every assignment of an application for overseeing staff: declarations (recusals included), draft and submitted
/// scores, each submitted review's weighted score, and their mean against the call's minimum number of reviews.
/// </summary>
public record ApplicationReviewsResponse(
    Guid ApplicationId,
    ApplicationStatus ApplicationStatus,
    int MinReviewsPerApplication,
    int SubmittedReviews,
    decimal? MeanScore,
    IReadOnlyList<ReviewAssignmentResponse> Items);

public sealed class ListApplicationReviewsHandler(GrantHubDbContext db) : IQueryHandler<ListApplicationReviewsQuery, ApplicationReviewsResponse>
{
    public async ValueTask<ApplicationReviewsResponse> Handle(ListApplicationReviewsQuery query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking()
            .Where(a => a.Id == query.Id)
            .Join(db.Calls, a => a.CallId, c => c.Id, (a, c) => new { a.Id, a.Status, c.MinReviewsPerApplication })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(nameof(Application), query.Id);
        var assignments = await db.ReviewAssignments.AsNoTracking()
            .Where(r => r.ApplicationId == application.Id)
            .OrderBy(r => r.AssignedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var submitted = assignments.Where(r => r.Status == ReviewStatus.Submitted).Select(r => r.WeightedScore!.Value).ToList();
        return new ApplicationReviewsResponse(
            application.Id,
            application.Status,
            application.MinReviewsPerApplication,
            submitted.Count,
            submitted.Count > 0 ? ReviewResponses.Rounded(submitted.Average()) : null,
            await db.ToResponsesAsync(assignments, cancellationToken));
    }
}
