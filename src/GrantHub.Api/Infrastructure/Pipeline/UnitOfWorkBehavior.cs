using GrantHub.Api.Infrastructure.Database;
using GrantHub.Api.Infrastructure.Idempotency;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Pipeline;

/// <summary>
/// Runs each command in one database transaction together with its audit entry: a command that fails
/// changes nothing. A lost optimistic-concurrency race is retried from scratch with fresh data, so a
/// request that still fits the rules succeeds and one that no longer fits gets the rule's own 409. So is a
/// unique key that a concurrent transaction inserted first (the re-run finds its row: it adds nothing or
/// answers with the rule, e.g. a notification already made or a member already added). A request with an
/// Idempotency-Key claims the key in the same transaction and stores its response before the commit, or, when the key
/// is already complete, gets the stored response and changes nothing.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(GrantHubDbContext db, AuditTrail auditTrail, IdempotencyStore idempotency)
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

        if (message is ICommitsItsOwnSteps)
        {
            var result = await next(message, cancellationToken);
            if (result is not SweepResult { Affected: 0 })
            {
                await using var auditTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await auditTrail.AppendAsync(message, ObjectIdOf(message, result), cancellationToken);
                await auditTransaction.CommitAsync(cancellationToken);
            }

            return result;
        }

        var idempotentRequest = idempotency.TakeRequest();
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                if (idempotentRequest is not null
                    && await idempotency.ReplayOrClaimAsync<TResponse>(idempotentRequest, cancellationToken) is (true, var replayed))
                {
                    return replayed!;
                }

                var response = await next(message, cancellationToken);
                if (response is not SweepResult { Affected: 0 })
                {
                    await auditTrail.AppendAsync(message, ObjectIdOf(message, response), cancellationToken);
                }

                if (idempotentRequest is not null)
                {
                    await idempotency.CompleteAsync(response, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                return response;
            }
            catch (DbUpdateException conflict) when (attempt < MaxAttempts
                && (conflict is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(conflict)))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                idempotency.ForgetClaim();
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

/// <summary>
/// A command that talks to an outside system (the mail server) and so must not hold a database transaction,
/// and its locks, while it waits on the network: its handler commits its own short steps; its audit entry
/// is written in a transaction of its own afterwards.
/// </summary>
public interface ICommitsItsOwnSteps;
