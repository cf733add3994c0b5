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
        var waiting = await WaitingTranchesAsync(
            today, MaxPerList - undecidedRequestsShown.Count, MaxPerList - unpaidRequestsShown.Count, cancellationToken);
        var trancheIds = waiting.Shown.Select(t => t.TrancheId).ToHashSet();
        var grantIds = waiting.Shown.Select(t => t.GrantId).Distinct().ToList();
        var grants = await db.Grants.AsNoTracking().Where(g => grantIds.Contains(g.Id)).WithDetails().ToListAsync(cancellationToken);
        foreach (var grant in grants)
        {
            grant.RefreshDueTranches(today);
        }

        var tranches = grants
            .SelectMany(g => g.Tranches.Where(t => trancheIds.Contains(t.Id) && t.Status is TrancheStatus.Due or TrancheStatus.Approved).Select(t => (Grant: g, Tranche: t)))
            .ToList();
        var awaitingDecisionTotal = await undecidedRequests.CountAsync(cancellationToken) + waiting.AwaitingDecision;
        var awaitingPaymentTotal = await unpaidRequests.CountAsync(cancellationToken) + waiting.AwaitingPayment;
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

    /// <summary>A tranche waiting for finance, as much of it as choosing and counting needs.</summary>
    private sealed class WaitingTranche
    {
        public Guid TrancheId { get; init; }
        public Guid GrantId { get; init; }
        public TrancheStatus Status { get; init; }
        public DateOnly PlannedDate { get; init; }
        public TrancheCondition Condition { get; init; }
        public Guid? AmendmentId { get; init; }
        public DateOnly GrantStart { get; init; }
        public DateOnly GrantEnd { get; init; }
    }

    /// <param name="Shown">The soonest of each list, as many as there are places left.</param>
    /// <param name="AwaitingDecision">Every tranche awaiting a decision, shown or not.</param>
    /// <param name="AwaitingPayment">Every approved tranche awaiting payment, shown or not.</param>
    private sealed record WaitingTranches(IReadOnlyList<WaitingTranche> Shown, int AwaitingDecision, int AwaitingPayment);

    /// <summary>
    /// The tranches of active grants waiting for finance. Awaiting a decision: Due, or Planned with its date come and
    /// its condition and amendment satisfied (what <see cref="Grant.RefreshDueTranches"/> would mark Due). Awaiting
    /// payment: Approved. Each list is counted and cut to its places in SQL, soonest first, so a backlog of thousands
    /// of due tranches reads only the ones shown; only planned tranches with a condition or an amendment are read
    /// one by one, to be checked with the rule <see cref="Grant.ConditionHolds"/> applies.
    /// </summary>
    private async Task<WaitingTranches> WaitingTranchesAsync(DateOnly today, int decisionPlaces, int paymentPlaces, CancellationToken cancellationToken)
    {
        var ofActiveGrants =
            from t in db.Tranches.AsNoTracking()
            join g in db.Grants.AsNoTracking().VisibleTo(user) on t.GrantId equals g.Id
            where g.Status == GrantStatus.Active
            select new WaitingTranche
            {
                TrancheId = t.Id,
                GrantId = g.Id,
                Status = t.Status,
                PlannedDate = t.PlannedDate,
                Condition = t.Condition,
                AmendmentId = t.AmendmentId,
                GrantStart = g.StartDate,
                GrantEnd = g.EndDate,
            };
        var plannedAndCome = ofActiveGrants.Where(t => t.Status == TrancheStatus.Planned && t.PlannedDate <= today);
        var dueWithoutChecks = ofActiveGrants.Where(t => t.Status == TrancheStatus.Due
            || (t.Status == TrancheStatus.Planned && t.PlannedDate <= today && t.Condition == TrancheCondition.None && t.AmendmentId == null));
        var approved = ofActiveGrants.Where(t => t.Status == TrancheStatus.Approved);
        var dueAfterChecks = await WhoseChecksHoldAsync(
            await plannedAndCome.Where(t => t.Condition != TrancheCondition.None || t.AmendmentId != null).ToListAsync(cancellationToken),
            cancellationToken);

        var awaitingDecision = (await SoonestAsync(dueWithoutChecks, decisionPlaces, cancellationToken))
            .Concat(dueAfterChecks)
            .OrderBy(t => t.PlannedDate)
            .ThenBy(t => t.TrancheId)
            .Take(decisionPlaces);
        // Counted apart rather than through dueWithoutChecks' OR: each count then reads one range of the tranches'
        // index, where the OR collects every row's id first and reads the rows again (twice as slow at 30,000 grants).
        var due = await ofActiveGrants.CountAsync(t => t.Status == TrancheStatus.Due, cancellationToken);
        var dueByDateAlone = await plannedAndCome.CountAsync(t => t.Condition == TrancheCondition.None && t.AmendmentId == null, cancellationToken);
        return new WaitingTranches(
            [.. awaitingDecision, .. await SoonestAsync(approved, paymentPlaces, cancellationToken)],
            due + dueByDateAlone + dueAfterChecks.Count,
            await approved.CountAsync(cancellationToken));
    }

    private static async Task<List<WaitingTranche>> SoonestAsync(IQueryable<WaitingTranche> tranches, int places, CancellationToken cancellationToken) =>
        places <= 0 ? [] : await tranches.OrderBy(t => t.PlannedDate).ThenBy(t => t.TrancheId).Take(places).ToListAsync(cancellationToken);

    /// <summary>The planned tranches whose report condition holds and whose amendment, if any, is in force.</summary>
    private async Task<List<WaitingTranche>> WhoseChecksHoldAsync(List<WaitingTranche> planned, CancellationToken cancellationToken)
    {
        if (planned.Count == 0)
        {
            return planned;
        }

        var grantIds = planned.Select(t => t.GrantId).Distinct().ToList();
        var acceptedReportYears = (await db.GrantReports.AsNoTracking()
                .Where(r => grantIds.Contains(r.GrantId) && (r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Waived))
                .Select(r => new { r.GrantId, r.PeriodYear })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.GrantId, r => r.PeriodYear);
        var amendmentIds = planned.Where(t => t.AmendmentId is not null).Select(t => t.AmendmentId!.Value).ToList();
        var amendmentsInForce = (await db.GrantAmendments.AsNoTracking()
                .Where(a => amendmentIds.Contains(a.Id) && a.EffectiveAt != null)
                .Select(a => a.Id)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        return
        [
            .. planned.Where(t => Grant.ConditionHolds(t.Condition, t.PlannedDate, new GrantPeriod(t.GrantStart, t.GrantEnd), acceptedReportYears[t.GrantId])
                && (t.AmendmentId is not { } amendmentId || amendmentsInForce.Contains(amendmentId))),
        ];
    }
}
