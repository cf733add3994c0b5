using FluentValidation;
using GrantHub.Core.Auditing;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Audit;

/// <summary>
/// Verifies the whole chain; with an anchor (a head read earlier from <c>GET /api/audit/head</c>) also that the
/// chain still reaches that entry and holds the same hash there, so removing the newest entries or rewriting the
/// chain from some point on cannot go unnoticed.
/// </summary>
public record VerifyAuditQuery(long? Sequence = null, string? Hash = null) : IQuery<AuditVerificationResponse>;

public record AuditVerificationResponse(bool Intact, long EntriesChecked, long? FirstBrokenSequence, string? Problem);

public sealed class VerifyAuditValidator : AbstractValidator<VerifyAuditQuery>
{
    public VerifyAuditValidator()
    {
        RuleFor(q => q.Sequence).NotNull().When(q => q.Hash is not null).WithMessage("An anchor needs both 'sequence' and 'hash'.");
        RuleFor(q => q.Hash).NotNull().When(q => q.Sequence is not null).WithMessage("An anchor needs both 'sequence' and 'hash'.");
        RuleFor(q => q.Sequence).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Hash).Matches("^[0-9a-fA-F]{64}$").WithMessage("'hash' is a SHA-256 hash: 64 hexadecimal characters.");
    }
}

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
                return CheckAnchorReached(query, checkedCount, previousSequence);
            }

            foreach (var entry in batch)
            {
                var problem = entry.Sequence != previousSequence + 1 ? $"Entry {previousSequence + 1} is missing."
                    : entry.PreviousHash != previousHash ? "The entry does not link to the previous entry's hash."
                    : entry.ComputeHash() != entry.Hash ? "The entry's content does not match its hash: it was altered."
                    : entry.Sequence == query.Sequence && !string.Equals(entry.Hash, query.Hash, StringComparison.OrdinalIgnoreCase)
                        ? "The chain forks from the anchor: this entry's hash is not the anchored one, so the chain was rewritten from here or before."
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

    private static AuditVerificationResponse CheckAnchorReached(VerifyAuditQuery anchor, long checkedCount, long lastSequence)
    {
        if (anchor.Sequence == 0 && !string.Equals(anchor.Hash, AuditEntry.GenesisHash, StringComparison.OrdinalIgnoreCase))
        {
            return new AuditVerificationResponse(false, checkedCount, 0, "An anchor at sequence 0 holds the genesis hash; this one does not.");
        }

        return anchor.Sequence is { } anchoredSequence && anchoredSequence > lastSequence
            ? new AuditVerificationResponse(
                false,
                checkedCount,
                lastSequence + 1,
                $"The chain ends at entry {lastSequence}, before the anchored entry {anchoredSequence}: newer entries were removed.")
            : new AuditVerificationResponse(true, checkedCount, null, null);
    }
}
