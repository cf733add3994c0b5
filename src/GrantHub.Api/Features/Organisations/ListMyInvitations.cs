using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Organisations;

public record ListMyInvitationsQuery : IQuery<IReadOnlyList<MyInvitationResponse>>;

/// <summary>
/// The pending invitations addressed to the signed-in account's e-mail (as Identity normalises it), also those
/// sent before the account was registered; oldest first.
/// </summary>
public sealed class ListMyInvitationsHandler(GrantHubDbContext db, ICurrentUser user)
    : IQueryHandler<ListMyInvitationsQuery, IReadOnlyList<MyInvitationResponse>>
{
    public async ValueTask<IReadOnlyList<MyInvitationResponse>> Handle(ListMyInvitationsQuery query, CancellationToken cancellationToken)
    {
        // The account's address is read inside the invitations' query: the home page asks on every visit.
        var myAddress = MyInvitations.NormalizedEmailOf(db, user);
        var invitations = await db.OrganisationInvitations.AsNoTracking()
            .Where(i => i.NormalizedEmail == myAddress.FirstOrDefault() && i.Status == InvitationStatus.Pending)
            .Join(db.Organisations, i => i.OrganisationId, o => o.Id, (i, o) => new { Invitation = i, Naming = new OrganisationNaming(o.Id, o.Name, o.Alias, o.Sensitive), o.Country })
            .OrderBy(x => x.Invitation.InvitedAt).ThenBy(x => x.Invitation.Id)
            .ToListAsync(cancellationToken);

        // Not a member yet: an at-risk organisation is named by its alias until she joins.
        var notYetMember = new HashSet<Guid>();
        return
        [
            .. invitations.Select(x => new MyInvitationResponse(
                x.Invitation.Id,
                x.Invitation.OrganisationId,
                Visibility.NameShownTo(x.Naming, notYetMember, user, OrganisationNameUse.Everyday),
                x.Country,
                x.Invitation.Role,
                x.Invitation.Status,
                x.Invitation.InvitedAt)),
        ];
    }
}
