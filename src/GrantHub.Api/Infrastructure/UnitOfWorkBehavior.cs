using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure;

/// <summary>
/// Runs each command in one database transaction together with its audit entry: a command that fails
/// changes nothing. A lost optimistic-concurrency race is retried from scratch with fresh data, so a
/// request that still fits the rules succeeds and one that no longer fits gets the rule's own 409.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(GrantHubDbContext db, AuditTrail auditTrail)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    private const int MaxAttempts = 5;

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var response = await next(message, cancellationToken);
                if (response is not SweepResult { Affected: 0 })
                {
                    await auditTrail.AppendAsync(message, ObjectIdOf(message, response), cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                return response;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }

    private static Guid? ObjectIdOf(TMessage message, TResponse response) =>
        (response as IHasId)?.Id ?? (message as IHasId)?.Id;
}
