using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Funds;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

/// <summary>One finance officer's decision on a tranche, named by her display name.</summary>
public record TrancheApprovalResponse(int Round, Guid OfficerId, string OfficerName, ApprovalDecision Decision, string? Comment, DateTimeOffset At);

/// <summary>
/// A tranche in detail. <c>requiredApprovals</c> is the fund's rule (<see cref="Fund.ApprovalsRequiredFor"/>);
/// <c>approvalsStillNeeded</c> how many more the current round needs before payment. The finance approvals are the
/// funder's internal record: staff see them, consortium members get an empty list and no count.
/// </summary>
public record TrancheResponse(
    int Number,
    decimal Amount,
    DateOnly PlannedDate,
    TrancheCondition Condition,
    TrancheStatus Status,
    Guid? AmendmentId,
    int RequiredApprovals,
    int? ApprovalsStillNeeded,
    IReadOnlyList<TrancheApprovalResponse> Approvals,
    string? PaymentReference,
    DateOnly? PaidOn,
    PaymentAsReceivedResponse? AsReceived,
    Guid? PayeeOrganisationId)
{
    /// <summary>The tranche; its approvals and their count only with the approvers' names (null for consortium members).</summary>
    public static TrancheResponse From(Tranche tranche, Fund fund, IReadOnlyDictionary<Guid, string>? approverNames)
    {
        var required = fund.ApprovalsRequiredFor(tranche.ApprovalBasis);
        return new TrancheResponse(
            tranche.Number,
            tranche.Amount.Amount,
            tranche.PlannedDate,
            tranche.Condition,
            tranche.Status,
            tranche.AmendmentId,
            required,
            approverNames is null ? null : tranche.ApprovalsStillNeeded(required),
            approverNames is null
                ? []
                : [
                    .. tranche.Approvals.OrderBy(a => a.At).ThenBy(a => a.Round)
                        .Select(a => new TrancheApprovalResponse(a.Round, a.OfficerId, approverNames.GetValueOrDefault(a.OfficerId, ""), a.Decision, a.Comment, a.At)),
                ],
            tranche.PaymentReference,
            tranche.PaidOn,
            tranche.AsReceived.ToResponse(),
            tranche.PayeeOrganisationId);
    }
}

public static class TrancheApprovers
{
    /// <summary>The display names of every finance officer who decided on these tranches, in one query.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> ApproverNamesAsync(
        this GrantHubDbContext db, IEnumerable<Tranche> tranches, CancellationToken cancellationToken)
    {
        var officerIds = tranches.SelectMany(t => t.Approvals).Select(a => a.OfficerId).Distinct().ToList();
        return officerIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Users.AsNoTracking().Where(u => officerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}

public record GrantTranchesResponse(Guid GrantId, string Currency, IReadOnlyList<TrancheResponse> Items);

public record ListTranchesQuery(Guid Id) : IQuery<GrantTranchesResponse>;

public sealed class ListTranchesHandler(GrantHubDbContext db, Viewer viewer, GrantDetailsReader grants, TimeProvider clock)
    : IQueryHandler<ListTranchesQuery, GrantTranchesResponse>
{
    public async ValueTask<GrantTranchesResponse> Handle(ListTranchesQuery query, CancellationToken cancellationToken)
    {
        var grant = await grants.FindVisibleAsync(query.Id, cancellationToken);
        grant.RefreshDueTranches(clock.UtcToday());
        var fund = await db.Funds.AsNoTracking().SingleAsync(f => f.Id == grant.FundId, cancellationToken);
        var approverNames = viewer.SeesAllApplicantData() ? await db.ApproverNamesAsync(grant.Tranches, cancellationToken) : null;
        return new GrantTranchesResponse(
            grant.Id,
            grant.Currency,
            [.. grant.Tranches.OrderBy(t => t.Number).Select(t => TrancheResponse.From(t, fund, approverNames))]);
    }
}
