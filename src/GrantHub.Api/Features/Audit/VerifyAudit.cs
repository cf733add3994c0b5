using GrantHub.Core.Auditing;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Audit;

public record VerifyAuditQuery : IQuery<AuditVerificationResponse>;

public record AuditVerificationResponse(bool Intact, long EntriesChecked, long? FirstBrokenSequence, string? Problem);

/// <summary>Walks the chain in order, recomputing every hash: the first altered, inserted or missing entry is reported.</summary>
public sealed class VerifyAuditHandler(GrantHubDbContext db) : IQueryHandler<VerifyAuditQuery, AuditVerificationResponse>
{
    private const int BatchSize = 1000;

    public async ValueTask<AuditVerificationResponse> Handle(VerifyAuditQuery query, CancellationToken cancellationToken)
    {
        long checkedCount = 0;
        long previousSequence = 0;
        var previousHash = AuditEntry.GenesisHash;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Sequence > previousSequence)
                .OrderBy(a => a.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return new AuditVerificationResponse(true, checkedCount, null, null);
            }

            foreach (var entry in batch)
            {
                var problem = entry.Sequence != previousSequence + 1 ? $"Entry {previousSequence + 1} is missing."
                    : entry.PreviousHash != previousHash ? "The entry does not link to the previous entry's hash."
                    : entry.ComputeHash() != entry.Hash ? "The entry's content does not match its hash: it was altered."
                    : null;
                if (problem is not null)
                {
                    return new AuditVerificationResponse(false, checkedCount, entry.Sequence, problem);
                }

                checkedCount++;
                previousSequence = entry.Sequence;
                previousHash = entry.Hash;
            }
        }
    }
}
