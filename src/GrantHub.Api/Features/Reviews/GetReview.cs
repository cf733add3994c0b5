using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Reviews;

public record GetReviewQuery(Guid Id) : IQuery<ReviewAssignmentResponse>;

/// <summary>An assignment: its own reviewer and programme officers or admins read it; to everyone else (other reviewers included) it is not found.</summary>
public sealed class GetReviewHandler(GrantHubDbContext db, ICurrentUser user) : IQueryHandler<GetReviewQuery, ReviewAssignmentResponse>
{
    public async ValueTask<ReviewAssignmentResponse> Handle(GetReviewQuery query, CancellationToken cancellationToken)
    {
        var seesAll = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.ProgrammeOfficer);
        var userId = user.Id ?? Guid.Empty;
        var assignment = await db.ReviewAssignments.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == query.Id && (seesAll || r.ReviewerUserId == userId), cancellationToken)
            ?? throw new NotFoundException("Review", query.Id);
        return await db.ToResponseAsync(assignment, cancellationToken);
    }
}
