using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using Mediator;

namespace GrantHub.Api.Features.Applications;

/// <summary>The lead applies without a fiscal host after all (lead organisation members, draft only).</summary>
public record RemoveFiscalHostCommand(Guid Id) : ICommand<ApplicationResponse>, IHasId;

public sealed class RemoveFiscalHostHandler(GrantHubDbContext db, Viewer user, TimeProvider clock)
    : ICommandHandler<RemoveFiscalHostCommand, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(RemoveFiscalHostCommand command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FindForLeadAsync(user, command.Id, cancellationToken);
        application.RemoveFiscalHost(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(application, user, cancellationToken);
    }
}
