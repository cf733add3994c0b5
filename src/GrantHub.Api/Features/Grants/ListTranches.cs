using GrantHub.Api.Infrastructure;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

public record TrancheApprovalResponse(int Round, Guid OfficerId, ApprovalDecision Decision, string? Comment, DateTimeOffset At);

/// <summary>
/// A tranche in detail. <c>requiredApprovals</c> is two above the fund's approval threshold, else one. The finance
/// approvals are the funder's internal record: staff see them, consortium members get an empty list.
/// </summary>
public record TrancheResponse(
    int Number,
    decimal Amount,
    DateOnly PlannedDate,
    TrancheCondition Condition,
    TrancheStatus Status,
    Guid? AmendmentId,
    int RequiredApprovals,
    IReadOnlyList<TrancheApprovalResponse> Approvals,
    string? PaymentReference,
    DateOnly? PaidOn)
{
    public static int RequiredApprovalsFor(long amount, long approvalThreshold) => amount > approvalThreshold ? 2 : 1;

    public static TrancheResponse From(Tranche tranche, string currency, long approvalThreshold, bool withApprovals) => new(
        tranche.Number,
        Money.FromMinorUnits(tranche.Amount, currency),
        tranche.PlannedDate,
        tranche.Condition,
        tranche.Status,
        tranche.AmendmentId,
        RequiredApprovalsFor(tranche.Amount, approvalThreshold),
        withApprovals
            ? [.. tranche.Approvals.OrderBy(a => a.At).ThenBy(a => a.Round).Select(a => new TrancheApprovalResponse(a.Round, a.OfficerId, a.Decision, a.Comment, a.At))]
            : [],
        tranche.PaymentReference,
        tranche.PaidOn);
}

public record GrantTranchesResponse(Guid GrantId, string Currency, IReadOnlyList<TrancheResponse> Items);

public record ListTranchesQuery(Guid Id) : IQuery<GrantTranchesResponse>;

public sealed class ListTranchesHandler(GrantHubDbContext db, GrantAccess access, TimeProvider clock)
    : IQueryHandler<ListTranchesQuery, GrantTranchesResponse>
{
    public async ValueTask<GrantTranchesResponse> Handle(ListTranchesQuery query, CancellationToken cancellationToken)
    {
        var grant = await access.ReadAsync(query.Id, cancellationToken);
        grant.RefreshDueTranches(clock.UtcToday());
        var threshold = await db.Funds.Where(f => f.Id == grant.FundId).Select(f => f.ApprovalThreshold).SingleAsync(cancellationToken);
        return new GrantTranchesResponse(
            grant.Id,
            grant.Currency,
            [.. grant.Tranches.OrderBy(t => t.Number).Select(t => TrancheResponse.From(t, grant.Currency, threshold, access.SeesAllGrants))]);
    }
}
