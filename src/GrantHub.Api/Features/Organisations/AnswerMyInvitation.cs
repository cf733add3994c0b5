using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Organisations;

/// <summary>Finding an invitation addressed to the signed-in account; anyone else's is not found.</summary>
public static class MyInvitations
{
    /// <summary>The signed-in account's address as Identity normalises it: a query, read on its own or inside another.</summary>
    public static IQueryable<string?> NormalizedEmailOf(GrantHubDbContext db, ICurrentUser user)
    {
        var userId = user.RequiredId();
        return db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail);
    }

    /// <summary>The invitation, tracked, with its organisation and members; 404 unless it is addressed to this account.</summary>
    public static async Task<(OrganisationInvitation Invitation, Organisation Organisation)> FindAsync(
        GrantHubDbContext db, ICurrentUser user, Guid invitationId, CancellationToken cancellationToken)
    {
        var myEmail = await NormalizedEmailOf(db, user).SingleAsync(cancellationToken)
            ?? throw new NotFoundException("Account e-mail", user.RequiredId());
        var invitation = await db.OrganisationInvitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.NormalizedEmail == myEmail, cancellationToken)
            ?? throw new NotFoundException("Invitation", invitationId);
        var organisation = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == invitation.OrganisationId, cancellationToken);
        return (invitation, organisation);
    }
}
