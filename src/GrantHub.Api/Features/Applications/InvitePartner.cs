using FluentValidation;
using FluentValidation.Results;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

public record InvitePartnerRequest(Guid OrganisationId);

/// <summary>
/// The lead invites an organisation (by the id its members gave them) as a partner; a declined partner may be invited
/// again. An organisation marked sensitive can only be invited by someone who is also its member: to anyone else
/// its id answers exactly as an unknown id does.
/// </summary>
public record InvitePartnerCommand(Guid Id, Guid OrganisationId) : ICommand<ApplicationResponse>, IHasId;

public sealed class InvitePartnerValidator : AbstractValidator<InvitePartnerCommand>
{
    public InvitePartnerValidator() => RuleFor(c => c.OrganisationId).NotEmpty();
}

public sealed class InvitePartnerHandler(
    GrantHubDbContext db,
    Viewer user,
    TimeProvider clock,
    ApplicationNotifications notifications)
    : ICommandHandler<InvitePartnerCommand, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(InvitePartnerCommand command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FindForLeadAsync(user, command.Id, cancellationToken);
        var partner = await db.Organisations.FirstOrDefaultAsync(o => o.Id == command.OrganisationId, cancellationToken);
        if (partner is null || (partner.Sensitive && !await user.IsMemberOfAsync(partner.Id, cancellationToken)))
        {
            // An at-risk organisation is answered for exactly like an id that does not exist: its existence stays secret.
            throw new ValidationException([new ValidationFailure(nameof(command.OrganisationId), "No organisation can be invited with this id.")]);
        }

        var lead = await db.Organisations.SingleAsync(o => o.Id == application.LeadOrganisationId, cancellationToken);
        var callTitle = await db.Calls.Where(c => c.Id == application.CallId).Select(c => c.Title).SingleAsync(cancellationToken);

        application.InvitePartner(partner.Id, clock.GetUtcNow());
        await notifications.PartnerInvitedAsync(application, lead, partner, callTitle, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(application, user, cancellationToken);
    }
}
