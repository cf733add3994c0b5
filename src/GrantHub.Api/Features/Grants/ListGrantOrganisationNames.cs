using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using Mediator;

namespace GrantHub.Api.Features.Grants;

/// <summary>
/// The names of a grant's organisations (the lead, every member with an allocation, a member paid directly, a signing
/// party, the fiscal host) as <see cref="Visibility.NameShownTo"/> says for this viewer: an at-risk organisation by its
/// alias to anyone outside it. For a page that says who is who; the grant itself is the one the request already read.
/// </summary>
public record ListGrantOrganisationNamesQuery(Guid GrantId) : IQuery<IReadOnlyDictionary<Guid, string>>;

public sealed class ListGrantOrganisationNamesHandler(GrantDetailsReader grants, GrantHubDbContext db, Viewer viewer)
    : IQueryHandler<ListGrantOrganisationNamesQuery, IReadOnlyDictionary<Guid, string>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, string>> Handle(ListGrantOrganisationNamesQuery query, CancellationToken cancellationToken)
    {
        var grant = await grants.FindVisibleAsync(query.GrantId, cancellationToken);
        IEnumerable<Guid?> organisations =
        [
            grant.LeadOrganisationId,
            grant.FiscalHostOrganisationId,
            .. grant.Allocations.Select(a => (Guid?)a.OrganisationId),
            .. grant.Tranches.Select(t => t.PayeeOrganisationId),
            .. grant.AgreementVersions.SelectMany(v => v.Signatures).Select(s => s.OrganisationId),
        ];
        return await db.OrganisationNamesAsync(viewer, organisations.OfType<Guid>(), OrganisationNameUse.Everyday, cancellationToken);
    }
}
