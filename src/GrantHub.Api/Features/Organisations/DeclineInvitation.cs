using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using Mediator;

namespace GrantHub.Api.Features.Organisations;

public record DeclineInvitationCommand(Guid Id) : ICommand<MyInvitationResponse>, IHasId;

/// <summary>The invitee says no; the owners are told and may invite again later.</summary>
public sealed class DeclineInvitationHandler(GrantHubDbContext db, ICurrentUser user, TimeProvider clock, InvitationNotifications notifications)
    : ICommandHandler<DeclineInvitationCommand, MyInvitationResponse>
{
    public async ValueTask<MyInvitationResponse> Handle(DeclineInvitationCommand command, CancellationToken cancellationToken)
    {
        var (invitation, organisation) = await MyInvitations.FindAsync(db, user, command.Id, cancellationToken);
        invitation.Decline(user.RequiredId(), clock.GetUtcNow());
        await notifications.AnsweredAsync(invitation, organisation, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new MyInvitationResponse(
            invitation.Id, organisation.Id, Visibility.NameShownTo(organisation.Naming(), new HashSet<Guid>(), user, OrganisationNameUse.Everyday), organisation.Country, invitation.Role, invitation.Status, invitation.InvitedAt);
    }
}
