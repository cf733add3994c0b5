using GrantHub.Core.Applications;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

public record ListEligibleReviewersQuery(Guid Id) : IQuery<EligibleReviewersResponse>;

public record EligibleReviewerResponse(Guid Id, string DisplayName, string Email);

public record EligibleReviewersResponse(Guid ApplicationId, IReadOnlyList<EligibleReviewerResponse> Items);

/// <summary>
/// The reviewers an officer may still assign to an application: every user with the Reviewer role, except those
/// already assigned (recused ones included) and the related parties, members of any organisation of the consortium
/// (the lead, or a partner that has not declined), whom the assignment would refuse anyway.
/// </summary>
public sealed class ListEligibleReviewersHandler(GrantHubDbContext db) : IQueryHandler<ListEligibleReviewersQuery, EligibleReviewersResponse>
{
    public async ValueTask<EligibleReviewersResponse> Handle(ListEligibleReviewersQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Applications.AnyAsync(a => a.Id == query.Id, cancellationToken))
        {
            throw new NotFoundException(nameof(Application), query.Id);
        }

        var consortium = db.Applications.Where(a => a.Id == query.Id)
            .SelectMany(a => a.Members.Where(m => m.Status != ConsortiumMemberStatus.Declined).Select(m => m.OrganisationId));
        var relatedParties = db.OrganisationMembers.Where(m => consortium.Contains(m.OrganisationId)).Select(m => m.UserId);
        var assigned = db.ReviewAssignments.Where(r => r.ApplicationId == query.Id).Select(r => r.ReviewerUserId);
        var reviewers = db.UserRoles
            .Join(db.Roles.Where(r => r.Name == Roles.Reviewer), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
        var eligible = await db.Users.AsNoTracking()
            .Where(u => reviewers.Contains(u.Id) && !relatedParties.Contains(u.Id) && !assigned.Contains(u.Id))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new EligibleReviewerResponse(u.Id, u.DisplayName, u.Email!))
            .ToListAsync(cancellationToken);
        return new EligibleReviewersResponse(query.Id, eligible);
    }
}
