using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Idempotency;

public record PurgeExpiredIdempotencyKeysCommand : ICommand<SweepResult>;

/// <summary>Deletes Idempotency-Keys past their retention; a key whose record is gone may be used afresh.</summary>
public sealed class PurgeExpiredIdempotencyKeysHandler(GrantHubDbContext db, TimeProvider clock)
    : ICommandHandler<PurgeExpiredIdempotencyKeysCommand, SweepResult>
{
    public async ValueTask<SweepResult> Handle(PurgeExpiredIdempotencyKeysCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var purged = await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        return new SweepResult(purged);
    }
}

public sealed class PurgeExpiredIdempotencyKeysJob(IMediator mediator) : IRecurringJob
{
    public const string Id = "idempotency:purge-expired";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new PurgeExpiredIdempotencyKeysCommand(), cancellationToken);
}
