using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Funds;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

public record TrancheApprovalResponse(int Round, Guid OfficerId, ApprovalDecision Decision, string? Comment, DateTimeOffset At);

/// <summary>
/// A tranche in detail. <c>requiredApprovals</c> is the fund's rule (<see cref="Fund.ApprovalsRequiredFor"/>). The finance
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
    public static TrancheResponse From(Tranche tranche, string currency, Fund fund, bool withApprovals) => new(
        tranche.Number,
        tranche.Amount.Amount,
        tranche.PlannedDate,
        tranche.Condition,
        tranche.Status,
        tranche.AmendmentId,
        fund.ApprovalsRequiredFor(tranche.Amount),
        withApprovals
            ? [.. tranche.Approvals.OrderBy(a => a.At).ThenBy(a => a.Round).Select(a => new TrancheApprovalResponse(a.Round, a.OfficerId, a.Decision, a.Comment, a.At))]
            : [],
        tranche.PaymentReference,
        tranche.PaidOn);
}

public record GrantTranchesResponse(Guid GrantId, string Currency, IReadOnlyList<TrancheResponse> Items);

public record ListTranchesQuery(Guid Id) : IQuery<GrantTranchesResponse>;

public sealed class ListTranchesHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock)
    : IQueryHandler<ListTranchesQuery, GrantTranchesResponse>
{
    public async ValueTask<GrantTranchesResponse> Handle(ListTranchesQuery query, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.AsNoTracking().WithDetails().FindVisibleAsync(viewer, query.Id, cancellationToken);
        grant.RefreshDueTranches(clock.UtcToday());
        var fund = await db.Funds.AsNoTracking().SingleAsync(f => f.Id == grant.FundId, cancellationToken);
        return new GrantTranchesResponse(
            grant.Id,
            grant.Currency,
            [.. grant.Tranches.OrderBy(t => t.Number).Select(t => TrancheResponse.From(t, grant.Currency, fund, viewer.SeesAllApplicantData()))]);
    }
}
