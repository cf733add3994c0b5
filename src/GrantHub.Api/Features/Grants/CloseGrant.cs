using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;

namespace GrantHub.Api.Features.Grants;

public record CloseGrantCommand(Guid Id) : ICommand<GrantResponse>, IHasId;

/// <summary>Closes a completed grant: every tranche paid and the final report accepted.</summary>
public sealed class CloseGrantHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock)
    : ICommandHandler<CloseGrantCommand, GrantResponse>
{
    public async ValueTask<GrantResponse> Handle(CloseGrantCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.WithDetails().FindVisibleAsync(viewer, command.Id, cancellationToken);
        grant.Close(viewer.RequiredId(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return GrantResponse.From(grant);
    }
}
