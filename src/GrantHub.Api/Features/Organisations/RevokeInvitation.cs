using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Organisations;

public record RevokeInvitationCommand(Guid Id, Guid InvitationId) : ICommand<OrganisationInvitationResponse>, IHasId;

/// <summary>An owner withdraws a pending invitation; the invitee can then no longer accept it.</summary>
public sealed class RevokeInvitationHandler(GrantHubDbContext db, Viewer user, TimeProvider clock)
    : ICommandHandler<RevokeInvitationCommand, OrganisationInvitationResponse>
{
    public async ValueTask<OrganisationInvitationResponse> Handle(RevokeInvitationCommand command, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.Include(o => o.Members).FindVisibleAsync(user, command.Id, cancellationToken);
        var invitation = await db.OrganisationInvitations
            .FirstOrDefaultAsync(i => i.Id == command.InvitationId && i.OrganisationId == organisation.Id, cancellationToken)
            ?? throw new NotFoundException("Invitation", command.InvitationId);
        if (!organisation.IsOwner(user.RequiredId()))
        {
            throw new ForbiddenException("Only an owner of the organisation can revoke its invitations.");
        }

        invitation.Revoke(user.RequiredId(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return OrganisationInvitationResponse.From(invitation);
    }
}
