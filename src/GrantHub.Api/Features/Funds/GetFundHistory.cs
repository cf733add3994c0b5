using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using GrantHub.Core.Funds;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Funds;

public enum FundMovementKind
{
    /// <summary>Budget added.</summary>
    TopUp,

    /// <summary>Money reserved: a grant awarded or topped up, an emergency request approved.</summary>
    Commitment,

    /// <summary>Committed money given back: an emergency request released, a grant terminated before it was paid in full.</summary>
    Release,

    /// <summary>Committed money paid out: a tranche or an emergency request.</summary>
    Payment,
}

/// <summary>One change of a fund's figures; <see cref="Subject"/> names the grant (number) or the emergency request (ER-id).</summary>
public record FundMovement(DateTimeOffset At, FundMovementKind Kind, decimal Amount, string Subject, string? Note);

public record FundHistoryResponse(FundResponse Fund, IReadOnlyList<FundMovement> Movements);

public record GetFundHistoryQuery(Guid Id) : IQuery<FundHistoryResponse>;

/// <summary>
/// A fund's figures and every movement behind them, newest first: top-ups, commitments, releases and payments, read
/// from the records that made them (the fund itself keeps only the totals).
/// </summary>
public sealed class GetFundHistoryHandler(GrantHubDbContext db) : IQueryHandler<GetFundHistoryQuery, FundHistoryResponse>
{
    public async ValueTask<FundHistoryResponse> Handle(GetFundHistoryQuery query, CancellationToken cancellationToken)
    {
        var fund = await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Fund), query.Id);
        var topUps = await db.FundTopUps.AsNoTracking().Where(t => t.FundId == fund.Id).ToListAsync(cancellationToken);
        var grants = await db.Grants.AsNoTracking().Where(g => g.FundId == fund.Id)
            .Include(g => g.Tranches).Include(g => g.Amendments).AsSplitQuery()
            .ToListAsync(cancellationToken);
        var requests = await db.EmergencyRequests.AsNoTracking()
            .Where(r => r.FundId == fund.Id && r.DecidedAt != null
                && (r.Status == EmergencyRequestStatus.Approved || r.Status == EmergencyRequestStatus.Paid || r.Status == EmergencyRequestStatus.Released))
            .ToListAsync(cancellationToken);

        var movements = new List<(DateTimeOffset At, FundMovementKind Kind, Money Amount, string Subject, string? Note)>();
        movements.AddRange(topUps.Select(t => (t.AddedAt, FundMovementKind.TopUp, t.Amount, "", t.Note)));
        foreach (var grant in grants)
        {
            var topUpAmendments = grant.Amendments.Where(a => a.Kind == AmendmentKind.TopUp && a.Amount is not null).ToList();
            movements.Add((grant.AwardedAt, FundMovementKind.Commitment, grant.Amount - Money.Sum(topUpAmendments.Select(a => a.Amount!.Value), grant.Currency), grant.GrantNumber, null));
            movements.AddRange(topUpAmendments.Select(a => (a.At, FundMovementKind.Commitment, a.Amount!.Value, grant.GrantNumber, (string?)$"#{a.Number}")));
            movements.AddRange(grant.Tranches.Where(t => t.Status == TrancheStatus.Paid)
                .Select(t => (t.RecordedAt!.Value, FundMovementKind.Payment, t.Amount, $"{grant.GrantNumber}/{t.Number}", (string?)t.PaymentReference)));
            if (grant.Status == GrantStatus.Terminated && grant.EndedAt is { } endedAt && grant.Amount > grant.PaidTotal)
            {
                movements.Add((endedAt, FundMovementKind.Release, grant.Amount - grant.PaidTotal, grant.GrantNumber, null));
            }
        }

        foreach (var request in requests)
        {
            var subject = $"ER-{request.Id:N}";
            movements.Add((request.DecidedAt!.Value, FundMovementKind.Commitment, request.Amount, subject, null));
            if (request.PaymentRecordedAt is { } paidAt)
            {
                movements.Add((paidAt, FundMovementKind.Payment, request.Amount, subject, request.PaymentReference));
            }

            if (request.ReleasedAt is { } releasedAt)
            {
                movements.Add((releasedAt, FundMovementKind.Release, request.Amount, subject, null));
            }
        }

        return new FundHistoryResponse(
            FundResponse.From(fund),
            [.. movements.OrderByDescending(m => m.At).ThenBy(m => m.Kind)
                .Select(m => new FundMovement(m.At, m.Kind, m.Amount.Amount, m.Subject, m.Note))]);
    }
}
