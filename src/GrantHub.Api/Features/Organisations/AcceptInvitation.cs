using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using Mediator;

namespace GrantHub.Api.Features.Organisations;

public record AcceptInvitationCommand(Guid Id) : ICommand<MyInvitationResponse>, IHasId;

/// <summary>
/// The invitee joins the organisation in the invited role. A staff account is refused (409 <c>staff-account</c>);
/// so is someone already a member. The owners are told.
/// </summary>
public sealed class AcceptInvitationHandler(GrantHubDbContext db, ICurrentUser user, TimeProvider clock, InvitationNotifications notifications)
    : ICommandHandler<AcceptInvitationCommand, MyInvitationResponse>
{
    public async ValueTask<MyInvitationResponse> Handle(AcceptInvitationCommand command, CancellationToken cancellationToken)
    {
        var (invitation, organisation) = await MyInvitations.FindAsync(db, user, command.Id, cancellationToken);
        invitation.Accept(organisation, user.RequiredId(), user.IsStaff(), clock.GetUtcNow());
        await notifications.AnsweredAsync(invitation, organisation, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new MyInvitationResponse(
            invitation.Id, organisation.Id, organisation.Name, organisation.Country, invitation.Role, invitation.Status, invitation.InvitedAt);
    }
}
