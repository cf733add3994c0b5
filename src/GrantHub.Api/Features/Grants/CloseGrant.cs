using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using Mediator;

namespace GrantHub.Api.Features.Grants;

public record CloseGrantCommand(Guid Id) : ICommand<GrantResponse>, IHasId;

/// <summary>Closes a completed grant: every tranche paid and the final report accepted.</summary>
public sealed class CloseGrantHandler(GrantHubDbContext db, GrantAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CloseGrantCommand, GrantResponse>
{
    public async ValueTask<GrantResponse> Handle(CloseGrantCommand command, CancellationToken cancellationToken)
    {
        var grant = await access.FindAsync(command.Id, cancellationToken);
        grant.Close(user.RequiredId(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return GrantResponse.From(grant);
    }
}
