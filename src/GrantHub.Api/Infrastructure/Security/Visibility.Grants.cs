using GrantHub.Core.Common;
using GrantHub.Core.Grants;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Security;

public static partial class Visibility
{
    /// <summary>The grants of the user's organisations, as lead or as allocation holder.</summary>
    public static IQueryable<Grant> VisibleTo(this IQueryable<Grant> grants, Viewer viewer)
    {
        if (viewer.SeesAllApplicantData())
        {
            return grants;
        }

        var mine = viewer.OrganisationIdsQuery;
        return grants.Where(g => mine.Contains(g.LeadOrganisationId) || g.Allocations.Any(a => mine.Contains(a.OrganisationId)));
    }

    public static async Task<Grant> FindVisibleAsync(this IQueryable<Grant> grants, Viewer viewer, Guid id, CancellationToken cancellationToken) =>
        await grants.VisibleTo(viewer).FirstOrDefaultAsync(g => g.Id == id, cancellationToken)
        ?? throw new NotFoundException(nameof(Grant), id);

    /// <summary>
    /// The grant for an act of its lead organisation (a report, a transfer to a partner): 404 if the user may not see it,
    /// 403 with <paramref name="refusal"/> if she sees it but belongs to no lead organisation of it.
    /// </summary>
    public static async Task<Grant> FindForLeadAsync(this IQueryable<Grant> grants, Viewer viewer, Guid id, string refusal, CancellationToken cancellationToken)
    {
        var grant = await grants.FindVisibleAsync(viewer, id, cancellationToken);
        return await viewer.IsMemberOfAsync(grant.LeadOrganisationId, cancellationToken) ? grant : throw new ForbiddenException(refusal);
    }

    /// <summary>
    /// The grant for finance to approve, reject or pay one of its tranches: 404 as <see cref="FindVisibleAsync(IQueryable{Grant}, Viewer, Guid, CancellationToken)"/>,
    /// and 409 <c>related-party</c> for a member of the lead or of any organisation holding an allocation.
    /// </summary>
    public static async Task<Grant> FindToHandleMoneyAsync(this IQueryable<Grant> grants, Viewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var grant = await grants.FindVisibleAsync(viewer, id, cancellationToken);
        if (RelatedPartyRefusal(await viewer.OrganisationsAsync(cancellationToken), grant) is { } refusal)
        {
            throw refusal;
        }

        return grant;
    }

    /// <summary>The 409 <c>related-party</c> a member of one of the grant's organisations gets for handling its money, or null.</summary>
    public static BusinessRuleException? RelatedPartyRefusal(IReadOnlySet<Guid> viewerOrganisations, Grant grant) =>
        RelatedParty.Refusal(
            viewerOrganisations,
            grant.RelatedOrganisationIds,
            "You are a member of an organisation of this grant and cannot approve, reject or pay its tranches.");
}
