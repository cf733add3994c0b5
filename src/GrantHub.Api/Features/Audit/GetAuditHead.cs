using GrantHub.Core.Auditing;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Audit;

public record GetAuditHeadQuery : IQuery<AuditHeadResponse>;

/// <summary>
/// The newest entry of the chain. Kept outside GrantHub (e.g. printed in a board report or sent to an auditor), it
/// lets a later verification with <c>?sequence=&amp;hash=</c> show that no entry up to it was removed or rewritten.
/// An empty trail answers sequence 0 with the genesis hash.
/// </summary>
public record AuditHeadResponse(long Sequence, string Hash, DateTimeOffset? At);

public sealed class GetAuditHeadHandler(GrantHubDbContext db) : IQueryHandler<GetAuditHeadQuery, AuditHeadResponse>
{
    public async ValueTask<AuditHeadResponse> Handle(GetAuditHeadQuery query, CancellationToken cancellationToken) =>
        await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new AuditHeadResponse(a.Sequence, a.Hash, a.OccurredAt))
            .FirstOrDefaultAsync(cancellationToken)
        ?? new AuditHeadResponse(0, AuditEntry.GenesisHash, null);
}
