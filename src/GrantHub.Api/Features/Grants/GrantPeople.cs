using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

/// <summary>The people a grant's events concern, to notify them.</summary>
public static class GrantPeople
{
    public static Task<List<Guid>> LeadMembersAsync(this GrantHubDbContext db, Grant grant, CancellationToken cancellationToken) =>
        db.OrganisationMembers.Where(m => m.OrganisationId == grant.LeadOrganisationId).Select(m => m.UserId).ToListAsync(cancellationToken);

    public static Task<List<Guid>> ConsortiumMembersAsync(this GrantHubDbContext db, Grant grant, CancellationToken cancellationToken)
    {
        var organisations = grant.ConsortiumOrganisationIds.ToList();
        return db.OrganisationMembers.Where(m => organisations.Contains(m.OrganisationId)).Select(m => m.UserId).Distinct().ToListAsync(cancellationToken);
    }
}
