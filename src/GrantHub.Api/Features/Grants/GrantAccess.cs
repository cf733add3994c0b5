using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

/// <summary>
/// Loading grants as the signed-in user may see them (<see cref="Visibility"/>: a grant the user may not see is not
/// found), and the people a grant's events concern.
/// </summary>
public sealed class GrantAccess(GrantHubDbContext db, Viewer user)
{
    public bool SeesAllGrants => user.SeesAllApplicantData();

    public IQueryable<Grant> Visible(IQueryable<Grant> grants) => grants.VisibleTo(user);

    /// <summary>The whole grant, tracked for change; not found when absent or not visible to the user.</summary>
    public async Task<Grant> FindAsync(Guid grantId, CancellationToken cancellationToken) =>
        await Visible(db.Grants).WithDetails().FirstOrDefaultAsync(g => g.Id == grantId, cancellationToken)
        ?? throw new NotFoundException(nameof(Grant), grantId);

    /// <summary>
    /// The whole grant, tracked, for finance to approve, reject or pay one of its tranches: 409 <c>related-party</c>
    /// for a member of the lead or of any organisation holding an allocation.
    /// </summary>
    public async Task<Grant> FindToHandleMoneyAsync(Guid grantId, CancellationToken cancellationToken)
    {
        var grant = await FindAsync(grantId, cancellationToken);
        if (RelatedPartyRefusal(await user.OrganisationsAsync(cancellationToken), grant) is { } refusal)
        {
            throw refusal;
        }

        return grant;
    }

    /// <summary>The 409 <c>related-party</c> a member of one of the grant's organisations gets for handling its money, or null.</summary>
    public static BusinessRuleException? RelatedPartyRefusal(IReadOnlySet<Guid> viewerOrganisations, Grant grant) =>
        RelatedParty.Refusal(
            viewerOrganisations,
            grant.ConsortiumOrganisationIds,
            "You are a member of an organisation of this grant and cannot approve, reject or pay its tranches.");

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
