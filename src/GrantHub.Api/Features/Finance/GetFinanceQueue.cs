using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Finance;

public enum MoneyItemKind
{
    EmergencyRequest,
    Tranche,
}

/// <summary>Why the signed-in officer may not take an action: the rule name and sentence the command would refuse with.</summary>
public record ActionRefusal(string Rule, string Message)
{
    public static ActionRefusal? From(BusinessRuleException? refusal) => refusal is null ? null : new(refusal.Rule, refusal.Message);
}

public record QueueApproval(string OfficerName, ApprovalDecision Decision, string? Comment, DateTimeOffset At);

/// <summary>
/// One payment waiting for finance: an emergency request (<see cref="Id"/> is the request) or a grant's tranche
/// (<see cref="Id"/> is the grant, <see cref="TrancheNumber"/> the tranche). Each action comes with the refusal the
/// command would answer this officer with, or null when she may take it.
/// </summary>
public record FinanceQueueItem(
    MoneyItemKind Kind,
    Guid Id,
    int? TrancheNumber,
    string? GrantNumber,
    EmergencyCategory? Category,
    Guid OrganisationId,
    string OrganisationName,
    Guid FundId,
    string FundName,
    decimal Amount,
    string Currency,
    DateOnly? PlannedDate,
    DateTimeOffset? DecisionDueAt,
    int RequiredApprovals,
    IReadOnlyList<QueueApproval> Approvals,
    ActionRefusal? MayNotApprove,
    ActionRefusal? MayNotReject,
    ActionRefusal? MayNotPay,
    ActionRefusal? MayNotRelease);

/// <summary>
/// What waits for a decision (emergencies first, soonest promise first) and what waits to be paid: the most urgent
/// <see cref="GetFinanceQueueHandler.MaxPerList"/> of each, with how many wait in all.
/// </summary>
public record FinanceQueueResponse(
    IReadOnlyList<FinanceQueueItem> AwaitingDecision,
    IReadOnlyList<FinanceQueueItem> AwaitingPayment,
    DateTimeOffset AsOf,
    int AwaitingDecisionTotal,
    int AwaitingPaymentTotal);

public record GetFinanceQueueQuery : IQuery<FinanceQueueResponse>;

/// <summary>
/// The finance officer's queue. Whether she may act is asked of the same domain methods the commands enforce
/// (<see cref="EmergencyRequest.RefusalToDecide"/>, <see cref="Grant.RefusalToDecideTranche"/>, the related-party
/// refusals of <see cref="Visibility"/>), never recomputed here. Each list is cut in SQL to its most urgent
/// <see cref="MaxPerList"/> items, so a portfolio with thousands of due tranches answers as fast as one with ten.
/// </summary>
public sealed class GetFinanceQueueHandler(GrantHubDbContext db, Viewer user, TimeProvider clock)
    : IQueryHandler<GetFinanceQueueQuery, FinanceQueueResponse>
{
    private static readonly BusinessRuleException TrancheNotReleasable = new(
        "tranche-not-releasable", "A tranche's unpaid money goes back to the fund when its grant is terminated, not one tranche at a time.");

    public const int MaxPerList = 50;

    public async ValueTask<FinanceQueueResponse> Handle(GetFinanceQueueQuery query, CancellationToken cancellationToken)
    {
        var viewerOrganisations = await user.OrganisationsAsync(cancellationToken);
        var officerId = user.RequiredId();
        var today = clock.UtcToday();

        var visibleRequests = db.EmergencyRequests.AsNoTracking().VisibleTo(user);
        var undecidedRequests = visibleRequests.Where(r => r.Status == EmergencyRequestStatus.Submitted);
        var unpaidRequests = visibleRequests.Where(r => r.Status == EmergencyRequestStatus.Approved);
        var undecidedRequestsShown = await undecidedRequests.OrderBy(r => r.DecisionDueAt).ThenBy(r => r.Id).Take(MaxPerList)
            .Include(r => r.Approvals).ToListAsync(cancellationToken);
        var unpaidRequestsShown = await unpaidRequests.OrderBy(r => r.DecisionDueAt).ThenBy(r => r.Id).Take(MaxPerList)
            .Include(r => r.Approvals).ToListAsync(cancellationToken);
        var requests = undecidedRequestsShown.Concat(unpaidRequestsShown).ToList();

        // Emergencies come first in both lists, so tranches only fill the places they leave: a whole grant is loaded
        // for each tranche shown, never for one that fifty emergencies push off the list.
        var candidates = await TrancheCandidatesAsync(today, cancellationToken);
        var undecidedTranches = candidates.Where(t => t.Status != TrancheStatus.Approved).OrderBy(t => t.PlannedDate).ThenBy(t => t.TrancheId).ToList();
        var unpaidTranches = candidates.Where(t => t.Status == TrancheStatus.Approved).OrderBy(t => t.PlannedDate).ThenBy(t => t.TrancheId).ToList();
        var trancheIds = undecidedTranches.Take(MaxPerList - undecidedRequestsShown.Count)
            .Concat(unpaidTranches.Take(MaxPerList - unpaidRequestsShown.Count))
            .Select(t => t.TrancheId)
            .ToHashSet();
        var grantIds = candidates.Where(t => trancheIds.Contains(t.TrancheId)).Select(t => t.GrantId).Distinct().ToList();
        var grants = await db.Grants.AsNoTracking().Where(g => grantIds.Contains(g.Id)).WithDetails().ToListAsync(cancellationToken);
        foreach (var grant in grants)
        {
            grant.RefreshDueTranches(today);
        }

        var tranches = grants
            .SelectMany(g => g.Tranches.Where(t => trancheIds.Contains(t.Id) && t.Status is TrancheStatus.Due or TrancheStatus.Approved).Select(t => (Grant: g, Tranche: t)))
            .ToList();
        var awaitingDecisionTotal = await undecidedRequests.CountAsync(cancellationToken) + undecidedTranches.Count;
        var awaitingPaymentTotal = await unpaidRequests.CountAsync(cancellationToken) + unpaidTranches.Count;
        var fundIds = requests.Select(r => r.FundId).Concat(grants.Select(g => g.FundId)).Distinct().ToList();
        var funds = await db.Funds.AsNoTracking().Where(f => fundIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var organisationIds = requests.Select(r => r.OrganisationId)
            .Concat(tranches.Select(t => t.Tranche.PayeeOrganisationId ?? t.Grant.LeadOrganisationId)).Distinct().ToList();
        var organisations = await db.OrganisationNamesAsync(user, organisationIds, OrganisationNameUse.Payment, cancellationToken);
        var officerIds = requests.SelectMany(r => r.Approvals.Select(a => a.FinanceOfficerId))
            .Concat(tranches.SelectMany(t => t.Tranche.Approvals.Select(a => a.OfficerId))).Distinct().ToList();
        var officers = await db.Users.AsNoTracking().Where(u => officerIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        var items = new List<(FinanceQueueItem Item, bool AwaitsDecision)>();
        foreach (var request in requests)
        {
            var fund = funds[request.FundId];
            var relatedParty = Visibility.RelatedPartyRefusal(viewerOrganisations, request);
            var decide = ActionRefusal.From(relatedParty ?? request.RefusalToDecide(officerId));
            items.Add((new FinanceQueueItem(
                MoneyItemKind.EmergencyRequest,
                request.Id,
                null,
                null,
                request.Category,
                request.OrganisationId,
                organisations[request.OrganisationId],
                fund.Id,
                fund.Name,
                request.Amount.Amount,
                request.Currency,
                null,
                request.DecisionDueAt,
                fund.ApprovalsRequiredFor(request.Amount),
                [.. request.Approvals.OrderBy(a => a.DecidedAt)
                    .Select(a => new QueueApproval(officers.GetValueOrDefault(a.FinanceOfficerId, ""), a.Decision, a.Comment, a.DecidedAt))],
                decide,
                decide,
                ActionRefusal.From(relatedParty ?? request.RefusalToPay(officerId)),
                ActionRefusal.From(relatedParty ?? request.RefusalToRelease())), request.Status == EmergencyRequestStatus.Submitted));
        }

        foreach (var (grant, tranche) in tranches)
        {
            var fund = funds[grant.FundId];
            var relatedParty = Visibility.RelatedPartyRefusal(viewerOrganisations, grant);
            items.Add((new FinanceQueueItem(
                MoneyItemKind.Tranche,
                grant.Id,
                tranche.Number,
                grant.GrantNumber,
                null,
                tranche.PayeeOrganisationId ?? grant.LeadOrganisationId,
                organisations[tranche.PayeeOrganisationId ?? grant.LeadOrganisationId],
                fund.Id,
                fund.Name,
                tranche.Amount.Amount,
                grant.Currency,
                tranche.PlannedDate,
                null,
                fund.ApprovalsRequiredFor(tranche.ApprovalBasis),
                [.. tranche.Approvals.Where(a => a.Round == tranche.ApprovalRound).OrderBy(a => a.At)
                    .Select(a => new QueueApproval(officers.GetValueOrDefault(a.OfficerId, ""), a.Decision, a.Comment, a.At))],
                ActionRefusal.From(relatedParty ?? grant.RefusalToDecideTranche(tranche.Number, officerId, ApprovalDecision.Approve)),
                ActionRefusal.From(relatedParty ?? grant.RefusalToDecideTranche(tranche.Number, officerId, ApprovalDecision.Reject)),
                ActionRefusal.From(relatedParty ?? grant.RefusalToPayTranche(tranche.Number, officerId)),
                ActionRefusal.From(TrancheNotReleasable)), tranche.Status == TrancheStatus.Due));
        }

        var awaitingDecision = items.Where(i => i.AwaitsDecision).Select(i => i.Item)
            .OrderBy(i => i.Kind)
            .ThenBy(i => i.DecisionDueAt)
            .ThenBy(i => i.PlannedDate)
            .Take(MaxPerList)
            .ToList();
        var awaitingPayment = items.Where(i => !i.AwaitsDecision).Select(i => i.Item).OrderBy(i => i.Kind).ThenBy(i => i.PlannedDate).Take(MaxPerList).ToList();
        return new FinanceQueueResponse(awaitingDecision, awaitingPayment, clock.GetUtcNow(), awaitingDecisionTotal, awaitingPaymentTotal);
    }

    private sealed record TrancheCandidate(
        Guid TrancheId, Guid GrantId, TrancheStatus Status, DateOnly PlannedDate, TrancheCondition Condition, Guid? AmendmentId, GrantPeriod Period);

    /// <summary>
    /// Every tranche of an active grant that is Due or Approved, or Planned with its date come and its condition and
    /// amendment satisfied (what <see cref="Grant.RefreshDueTranches"/> would mark Due), read as small rows rather than
    /// whole grants: a portfolio may have thousands, of which only the most urgent are loaded in full.
    /// </summary>
    private async Task<List<TrancheCandidate>> TrancheCandidatesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await (
                from t in db.Tranches.AsNoTracking()
                where t.Status == TrancheStatus.Due || t.Status == TrancheStatus.Approved || (t.Status == TrancheStatus.Planned && t.PlannedDate <= today)
                join g in db.Grants.AsNoTracking().VisibleTo(user) on t.GrantId equals g.Id
                where g.Status == GrantStatus.Active
                select new { TrancheId = t.Id, GrantId = g.Id, t.Status, t.PlannedDate, t.Condition, t.AmendmentId, g.StartDate, g.EndDate })
            .ToListAsync(cancellationToken);
        var candidates = rows.Select(r => new TrancheCandidate(r.TrancheId, r.GrantId, r.Status, r.PlannedDate, r.Condition, r.AmendmentId, new GrantPeriod(r.StartDate, r.EndDate)));
        var conditional = rows.Where(r => r.Status == TrancheStatus.Planned && (r.Condition != TrancheCondition.None || r.AmendmentId is not null)).ToList();
        if (conditional.Count == 0)
        {
            return [.. candidates];
        }

        var grantIds = conditional.Select(r => r.GrantId).Distinct().ToList();
        var acceptedReportYears = (await db.GrantReports.AsNoTracking()
                .Where(r => grantIds.Contains(r.GrantId) && (r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Waived))
                .Select(r => new { r.GrantId, r.PeriodYear })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.GrantId, r => r.PeriodYear);
        var amendmentIds = conditional.Where(r => r.AmendmentId is not null).Select(r => r.AmendmentId!.Value).ToList();
        var amendmentsInForce = (await db.GrantAmendments.AsNoTracking()
                .Where(a => amendmentIds.Contains(a.Id) && a.EffectiveAt != null)
                .Select(a => a.Id)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        return
        [
            .. candidates.Where(t => t.Status != TrancheStatus.Planned
                || (Grant.ConditionHolds(t.Condition, t.PlannedDate, t.Period, acceptedReportYears[t.GrantId])
                    && (t.AmendmentId is not { } amendmentId || amendmentsInForce.Contains(amendmentId)))),
        ];
    }
}
