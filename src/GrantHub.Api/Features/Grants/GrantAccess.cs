using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

/// <summary>
/// Who sees which grant: admins, programme officers and finance officers see every grant; anyone else (reviewers
/// included) sees the grants of the organisations they belong to, as lead or as allocation holder. A grant the
/// user may not see is not found.
/// </summary>
public sealed class GrantAccess(GrantHubDbContext db, ICurrentUser user)
{
    public bool SeesAllGrants => user.SeesAllApplicantData();

    public IQueryable<Grant> Visible(IQueryable<Grant> grants)
    {
        if (SeesAllGrants)
        {
            return grants;
        }

        var userId = user.Id ?? Guid.Empty;
        var mine = db.OrganisationMembers.Where(m => m.UserId == userId).Select(m => m.OrganisationId);
        return grants.Where(g => mine.Contains(g.LeadOrganisationId) || g.Allocations.Any(a => mine.Contains(a.OrganisationId)));
    }

    /// <summary>The whole grant, tracked for change; not found when absent or not visible to the user.</summary>
    public async Task<Grant> FindAsync(Guid grantId, CancellationToken cancellationToken) =>
        await Visible(db.Grants).WithDetails().FirstOrDefaultAsync(g => g.Id == grantId, cancellationToken)
        ?? throw new NotFoundException(nameof(Grant), grantId);

    /// <summary>The whole grant for reading only; not found when absent or not visible to the user.</summary>
    public async Task<Grant> ReadAsync(Guid grantId, CancellationToken cancellationToken) =>
        await Visible(db.Grants).AsNoTracking().WithDetails().FirstOrDefaultAsync(g => g.Id == grantId, cancellationToken)
        ?? throw new NotFoundException(nameof(Grant), grantId);

    /// <summary>The user's role in the grant's lead organisation, or null when not a member of it.</summary>
    public Task<MembershipRole?> LeadRoleAsync(Grant grant, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId();
        return db.OrganisationMembers
            .Where(m => m.OrganisationId == grant.LeadOrganisationId && m.UserId == userId)
            .Select(m => (MembershipRole?)m.Role)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public Task<List<Guid>> LeadMembersAsync(Grant grant, CancellationToken cancellationToken) =>
        db.OrganisationMembers.Where(m => m.OrganisationId == grant.LeadOrganisationId).Select(m => m.UserId).ToListAsync(cancellationToken);

    public Task<List<Guid>> ConsortiumMembersAsync(Grant grant, CancellationToken cancellationToken)
    {
        var organisations = grant.ConsortiumOrganisationIds.ToList();
        return db.OrganisationMembers.Where(m => organisations.Contains(m.OrganisationId)).Select(m => m.UserId).Distinct().ToListAsync(cancellationToken);
    }
}
