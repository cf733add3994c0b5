using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Identity;
using GrantHub.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Reviews;

/// <summary>
/// What a reviewer may touch: their own assignments, and, while they hold the Reviewer role and are not recused,
/// the applications assigned to them. Another reviewer's assignment is not found (blind review).
/// </summary>
public static class ReviewerAccess
{
    /// <summary>The user's assignments that let them read the application: none unless they are a reviewer.</summary>
    public static IQueryable<ReviewAssignment> ReadingAssignmentsOf(this GrantHubDbContext db, ICurrentUser user)
    {
        if (!user.IsInRole(Roles.Reviewer) || user.Id is not { } userId)
        {
            return db.ReviewAssignments.Where(_ => false);
        }

        return db.ReviewAssignments.Where(r => r.ReviewerUserId == userId && r.Status != ReviewStatus.Recused);
    }

    public static async Task<HashSet<Guid>> ApplicationsUnderReviewByAsync(this GrantHubDbContext db, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Reviewer))
        {
            return [];
        }

        return [.. await db.ReadingAssignmentsOf(user).Select(r => r.ApplicationId).ToListAsync(cancellationToken)];
    }

    /// <summary>The current reviewer's own assignment, tracked for change; anyone else's is not found.</summary>
    public static async Task<ReviewAssignment> LoadMyAssignmentAsync(this GrantHubDbContext db, ICurrentUser user, Guid assignmentId, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId();
        return await db.ReviewAssignments.FirstOrDefaultAsync(r => r.Id == assignmentId && r.ReviewerUserId == userId, cancellationToken)
            ?? throw new NotFoundException("Review", assignmentId);
    }
}
