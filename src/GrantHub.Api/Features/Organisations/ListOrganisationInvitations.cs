using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Organisations;

public record ListOrganisationInvitationsQuery(Guid Id) : IQuery<IReadOnlyList<OrganisationInvitationResponse>>;

/// <summary>
/// The invitations of an organisation still waiting for an answer, oldest first, for its owners: who is asked to join
/// is the owners' business (other members and overseeing staff are refused, anyone else finds nothing).
/// </summary>
public sealed class ListOrganisationInvitationsHandler(GrantHubDbContext db, Viewer user)
    : IQueryHandler<ListOrganisationInvitationsQuery, IReadOnlyList<OrganisationInvitationResponse>>
{
    public async ValueTask<IReadOnlyList<OrganisationInvitationResponse>> Handle(ListOrganisationInvitationsQuery query, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Members).FindVisibleAsync(user, query.Id, cancellationToken);
        if (!organisation.IsOwner(user.RequiredId()))
        {
            throw new ForbiddenException("Only an owner of the organisation can see its invitations.");
        }

        var pending = await db.OrganisationInvitations.AsNoTracking()
            .Where(i => i.OrganisationId == organisation.Id && i.Status == InvitationStatus.Pending)
            .OrderBy(i => i.InvitedAt).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
        return [.. pending.Select(OrganisationInvitationResponse.From)];
    }
}
