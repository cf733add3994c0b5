using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Calls;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Calls;

public record CloseExpiredCallsCommand : ICommand<SweepResult>;

/// <summary>Closes every Open call whose closing time has passed. Running it twice, or on two servers, closes each call once.</summary>
public sealed class CloseExpiredCallsHandler(GrantHubDbContext db, TimeProvider clock)
    : ICommandHandler<CloseExpiredCallsCommand, SweepResult>
{
    public async ValueTask<SweepResult> Handle(CloseExpiredCallsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = await db.Calls.Where(c => c.Status == CallStatus.Open && c.ClosesAt <= now).ToListAsync(cancellationToken);
        foreach (var call in expired)
        {
            call.Close(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SweepResult(expired.Count);
    }
}

public sealed class CloseExpiredCallsJob(IMediator mediator) : IRecurringJob
{
    public const string Id = "calls:close-expired";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new CloseExpiredCallsCommand(), cancellationToken);
}
