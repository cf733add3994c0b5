using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Data;
using Mediator;

namespace GrantHub.Api.Features.Applications;

/// <summary>The lead takes a partner (invited, confirmed or declined) out of a draft, with its budget lines.</summary>
public record RemovePartnerCommand(Guid Id, Guid OrganisationId) : ICommand<ApplicationResponse>, IHasId;

public sealed class RemovePartnerHandler(GrantHubDbContext db, Viewer user, TimeProvider clock)
    : ICommandHandler<RemovePartnerCommand, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(RemovePartnerCommand command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FindForLeadAsync(user, command.Id, cancellationToken);
        application.RemovePartner(command.OrganisationId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(application, user, cancellationToken);
    }
}
