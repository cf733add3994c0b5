using GrantHub.Core.Common;
using GrantHub.Core.Funds;

namespace GrantHub.Core.Grants;

public enum GrantStatus
{
    AwaitingSignature,
    Active,
    Closed,
    Terminated,
}

/// <summary>
/// A multi-year core grant to a lead organisation on behalf of its consortium. Lifecycle:
/// AwaitingSignature → Active (every party has signed the same agreement version) → Closed, or Terminated.
/// Every amount is in <see cref="Currency"/>; the tranche amounts always add up to <see cref="Amount"/>,
/// and so do the allocations. Create one only through <see cref="GrantAwarding"/>, which also commits the money.
/// </summary>
public partial class Grant : IVersioned
{
    private readonly List<GrantAllocation> _allocations = [];
    private readonly List<Tranche> _tranches = [];
    private readonly List<GrantReport> _reports = [];
    private readonly List<GrantAmendment> _amendments = [];
    private readonly List<AgreementVersion> _agreementVersions = [];

    private Grant()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Human-readable and unique, e.g. <c>GH-2026-0001</c>.</summary>
    public string GrantNumber { get; private set; } = "";

    public Guid ApplicationId { get; private set; }
    public Guid CallId { get; private set; }
    public Guid FundId { get; private set; }
    public Guid LeadOrganisationId { get; private set; }
    public string Currency { get; private set; } = "";
    public Money Amount { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public GrantStatus Status { get; private set; }
    public Guid AwardedBy { get; private set; }
    public DateTimeOffset AwardedAt { get; private set; }

    /// <summary>
    /// Chosen at award: each instalment is split into one tranche per member, paid to that member, and no onward
    /// transfers are owed. Otherwise every tranche is paid to the lead, which passes each partner its share on.
    /// </summary>
    public bool PaysMembersDirectly { get; private set; }

    /// <summary>The longest a grant may run, extensions included (a call allows at most ten years too).</summary>
    public const int MaxLengthMonths = 120;
    public DateTimeOffset? ActivatedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public Guid? EndedBy { get; private set; }
    public string? TerminationReason { get; private set; }

    /// <summary>When the retention period ended and the grant's free text was erased (<see cref="ErasePersonalData"/>).</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; private set; }
    public long Version { get; set; }

    /// <summary>
    /// For a group without registration: the registered organisation that receives the grant's money and passes it on,
    /// and its fee in basis points of what passes through it, as the host consented to before submission. Null otherwise.
    /// </summary>
    public Guid? FiscalHostOrganisationId { get; private set; }

    public int? FiscalHostFeeBasisPoints { get; private set; }

    /// <summary>The host's fee on the whole grant amount, rounded down to the currency's minor unit; null without a host.</summary>
    public Money? FiscalHostFee => FiscalHostFeeBasisPoints is { } basisPoints ? new Money(Amount.MinorUnits * basisPoints / 10_000, Currency) : null;

    public IReadOnlyCollection<GrantAllocation> Allocations => _allocations;
    public IReadOnlyCollection<Tranche> Tranches => _tranches;
    public IReadOnlyCollection<GrantReport> Reports => _reports;
    public IReadOnlyCollection<GrantAmendment> Amendments => _amendments;
    public IReadOnlyCollection<AgreementVersion> AgreementVersions => _agreementVersions;

    public GrantPeriod Period => new(StartDate, EndDate);

    public Money PaidTotal => Money.Sum(_tranches.Where(t => t.Status == TrancheStatus.Paid).Select(t => t.Amount), Currency);

    public AgreementVersion? LatestAgreementVersion => _agreementVersions.MaxBy(v => v.Version);

    public int NextAgreementVersion => _agreementVersions.Count + 1;

    /// <summary>Every organisation of the consortium: the lead and each allocation holder.</summary>
    public IEnumerable<Guid> ConsortiumOrganisationIds =>
        _allocations.Select(a => a.OrganisationId).Prepend(LeadOrganisationId).Distinct();

    /// <summary>
    /// The organisations whose members are related parties of the grant: the consortium and, for a group without
    /// registration, its fiscal host, which receives the money.
    /// </summary>
    public IEnumerable<Guid> RelatedOrganisationIds =>
        FiscalHostOrganisationId is { } hostId ? ConsortiumOrganisationIds.Append(hostId) : ConsortiumOrganisationIds;

    /// <summary>
    /// Builds an awarded grant awaiting signature. Without a tranche plan, one tranche per grant year (equal, the
    /// remainder in the last). A tranche planned in grant year n ≥ 2 waits for the annual report of year n − 1.
    /// The caller commits <paramref name="amount"/> against the fund in the same unit of work. Through a
    /// <paramref name="fiscalHost"/>, what would be paid to the lead is paid to the host.
    /// </summary>
    public static Grant Award(
        string grantNumber,
        Guid applicationId,
        Guid callId,
        Guid fundId,
        Guid leadOrganisationId,
        Money amount,
        DateOnly startDate,
        int durationMonths,
        IReadOnlyDictionary<Guid, Money> allocations,
        IReadOnlyList<PlannedTranche>? tranchePlan,
        Guid awardedBy,
        DateTimeOffset now,
        bool paysMembersDirectly = false,
        GrantFiscalHost? fiscalHost = null)
    {
        if (!amount.IsPositive)
        {
            throw new BusinessRuleException("grant-amount-not-positive", "A grant's amount must be positive.");
        }

        if (durationMonths < 1)
        {
            throw new BusinessRuleException("grant-duration-not-positive", "A grant lasts at least one month.");
        }

        if (allocations.Count == 0 || allocations.Values.Any(a => !a.IsPositive) || Money.Sum(allocations.Values, amount.Currency) != amount)
        {
            throw new BusinessRuleException(
                "grant-allocations-mismatch",
                "Each consortium member's allocation must be positive and together they must equal the grant amount.");
        }

        var grant = new Grant
        {
            Id = Guid.NewGuid(),
            GrantNumber = grantNumber,
            ApplicationId = applicationId,
            CallId = callId,
            FundId = fundId,
            LeadOrganisationId = leadOrganisationId,
            Currency = amount.Currency,
            Amount = amount,
            StartDate = startDate,
            EndDate = GrantPeriod.FromDuration(startDate, durationMonths).End,
            Status = GrantStatus.AwaitingSignature,
            AwardedBy = awardedBy,
            AwardedAt = now,
            PaysMembersDirectly = paysMembersDirectly,
            FiscalHostOrganisationId = fiscalHost?.OrganisationId,
            FiscalHostFeeBasisPoints = fiscalHost?.FeeBasisPoints,
        };
        grant._allocations.AddRange(allocations.Select(a => new GrantAllocation(grant.Id, a.Key, a.Value)));
        grant.PlanTranches(tranchePlan ?? grant.Period.DefaultTranchePlan(amount));
        grant._reports.AddRange(grant.Period.ReportingSchedule().Select(r => new GrantReport(grant.Id, grant.Currency, r.Kind, r.PeriodYear, r.DueOn)));
        return grant;
    }

    /// <summary>
    /// Why a tranche plan cannot pay out an award of <paramref name="amount"/>, or null when it can: every tranche is
    /// positive and together they equal the amount. The award validator asks the same question before the award.
    /// </summary>
    public static string? TranchePlanProblem(IReadOnlyCollection<PlannedTranche> plan, Money amount) =>
        plan.Count == 0 || plan.Any(t => !t.Amount.IsPositive) || Money.Sum(plan.Select(t => t.Amount), amount.Currency) != amount
            ? "Each tranche must be positive and together they must equal the grant amount."
            : null;

    public Tranche FindTranche(int number) =>
        _tranches.FirstOrDefault(t => t.Number == number) ?? throw new NotFoundException(nameof(Tranche), number);

    public GrantReport FindReport(Guid reportId) =>
        _reports.FirstOrDefault(r => r.Id == reportId) ?? throw new NotFoundException("Report", reportId);

    /// <summary>
    /// Marks Due every planned tranche whose moment has come: the grant is active, the planned date is today or
    /// earlier, its condition holds and, for a top-up tranche, its amendment is in force. Returns those it changed.
    /// </summary>
    public IReadOnlyList<Tranche> RefreshDueTranches(DateOnly today)
    {
        if (Status != GrantStatus.Active)
        {
            return [];
        }

        var due = _tranches
            .Where(t => t.Status == TrancheStatus.Planned && t.PlannedDate <= today && ConditionHolds(t) && AmendmentInForce(t))
            .ToList();
        foreach (var tranche in due)
        {
            tranche.MarkDue();
        }

        if (due.Count > 0)
        {
            Changed();
        }

        return due;
    }

    public AgreementVersion AddAgreementVersion(int version, string sha256, Guid generatedBy, DateTimeOffset now)
    {
        RequireOpen("generate an agreement for");
        if (version != NextAgreementVersion)
        {
            throw new InvalidOperationException($"The next agreement version is {NextAgreementVersion}, not {version}.");
        }

        var agreementVersion = new AgreementVersion(Id, version, sha256, generatedBy, now);
        _agreementVersions.Add(agreementVersion);
        foreach (var amendment in _amendments)
        {
            amendment.IncludeIn(version);
        }

        Changed();
        return agreementVersion;
    }

    /// <summary>
    /// Every signature an agreement version needs: the lead organisation, each partner organisation holding an
    /// allocation, and the funder.
    /// </summary>
    public IReadOnlyList<RequiredSignature> RequiredSignatures =>
    [
        new(SigningParty.Lead, LeadOrganisationId),
        .. _allocations.Select(a => a.OrganisationId).Where(o => o != LeadOrganisationId).Order().Select(o => new RequiredSignature(SigningParty.Partner, o)),
        new(SigningParty.Funder, null),
    ];

    /// <summary>The parties that have not signed the version yet; none once it is signed.</summary>
    public IReadOnlyList<RequiredSignature> MissingSignatures(AgreementVersion version) =>
        [.. RequiredSignatures.Where(party => !version.IsSignedBy(party))];

    /// <summary>
    /// The party that signs for <paramref name="organisationId"/>: the lead or a partner of this grant, or the funder
    /// when null. Any other organisation is not a party to the agreement.
    /// </summary>
    public RequiredSignature SigningPartyFor(Guid? organisationId) =>
        organisationId is not { } id ? new RequiredSignature(SigningParty.Funder, null)
        : id == LeadOrganisationId ? new RequiredSignature(SigningParty.Lead, id)
        : _allocations.Any(a => a.OrganisationId == id) ? new RequiredSignature(SigningParty.Partner, id)
        : throw new BusinessRuleException("agreement-not-a-party", "This organisation is not a party to the grant agreement.");

    /// <summary>
    /// One party signs the latest agreement version, named by its hash; each party signs each version once. When the
    /// last required party has signed, the version is signed: the first such version activates the grant, and every
    /// signed version brings into force the amendments it includes. Until then an Active grant stays Active under its
    /// earlier version. Who may sign for the party is the caller's check.
    /// </summary>
    public AgreementVersion Sign(string sha256, RequiredSignature party, Guid signedBy, DateOnly today, DateTimeOffset now)
    {
        RequireOpen("sign");
        var latest = LatestAgreementVersion
            ?? throw new BusinessRuleException("agreement-not-generated", "No agreement has been generated for this grant yet.");
        if (!string.Equals(latest.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new BusinessRuleException(
                "agreement-hash-mismatch",
                $"The hash does not match the latest agreement version ({latest.Version}). Read the latest version and sign its SHA-256.");
        }

        if (!RequiredSignatures.Contains(party))
        {
            throw new BusinessRuleException("agreement-not-a-party", "This organisation is not a party to the grant agreement.");
        }

        latest.AddSignature(party, signedBy, now);
        Changed();
        if (MissingSignatures(latest).Count > 0)
        {
            return latest;
        }

        latest.CompleteSignatures(now);
        foreach (var amendment in _amendments.Where(a => a.AgreementVersion <= latest.Version))
        {
            amendment.ComeIntoForce(now);
        }

        if (Status == GrantStatus.AwaitingSignature)
        {
            Status = GrantStatus.Active;
            ActivatedAt = now;
        }

        RefreshDueTranches(today);
        return latest;
    }

    /// <summary>
    /// Maker-checker: the officer who awarded the grant never approves its payments; one approval per officer per
    /// round; <paramref name="requiredApprovals"/> distinct approvals make the tranche Approved; a rejection opens a new round.
    /// </summary>
    public Tranche DecideTranche(
        int number,
        Guid officerId,
        ApprovalDecision decision,
        string? comment,
        Fund fund,
        DateOnly today,
        DateTimeOffset now)
    {
        if (fund.Id != FundId)
        {
            throw new ArgumentException("This is not the grant's fund.", nameof(fund));
        }

        RequireNotAwardingOfficer(officerId);
        RequireActive(ApproveAction);
        RefreshDueTranches(today);
        var tranche = FindTranche(number);
        tranche.Decide(officerId, decision, comment, fund.ApprovalsRequiredFor(tranche.ApprovalBasis), now);
        Changed();
        return tranche;
    }

    /// <summary>
    /// Why this officer may not give this decision on the tranche now, or null when she may: the refusal
    /// <see cref="DecideTranche"/> throws, so a screen shows it instead of offering the action. Call
    /// <see cref="RefreshDueTranches"/> first, as the decision does.
    /// </summary>
    public BusinessRuleException? RefusalToDecideTranche(int number, Guid officerId, ApprovalDecision decision) =>
        AwardingOfficerRefusal(officerId) ?? NotActiveRefusal(ApproveAction) ?? FindTranche(number).RefusalToDecide(officerId, decision);

    /// <summary>
    /// Why this officer may not record the tranche's payment now, or null when she may (the date she types is checked
    /// when she records it): the refusals <see cref="RecordPayment"/> throws.
    /// </summary>
    public BusinessRuleException? RefusalToPayTranche(int number, Guid officerId)
    {
        var tranche = FindTranche(number);
        return AwardingOfficerRefusal(officerId) ?? NotActiveRefusal(PayAction) ?? tranche.RefusalToPay() ?? OverpaymentRefusal(tranche);
    }

    /// <summary>
    /// Records the payment of a fully approved tranche, never by the awarding officer. The caller disburses the tranche's
    /// amount from the fund in the same unit of work.
    /// </summary>
    public Tranche RecordPayment(int number, string paymentReference, DateOnly paidOn, PaymentAsReceived? asReceived, Guid recordedBy, DateTimeOffset now)
    {
        RequireNotAwardingOfficer(recordedBy);
        RequireActive(PayAction);
        var tranche = FindTranche(number);
        if (paidOn < DateOnly.FromDateTime(AwardedAt.UtcDateTime))
        {
            throw new BusinessRuleException("payment-date-before-award", $"A payment cannot be dated before the grant was awarded on {AwardedAt:yyyy-MM-dd}.");
        }

        if (OverpaymentRefusal(tranche) is { } overpayment)
        {
            throw overpayment;
        }

        tranche.RecordPayment(paymentReference, paidOn, asReceived, recordedBy, now);
        Changed();
        return tranche;
    }

    public GrantReport SubmitReport(Guid reportId, ReportSubmission submission, Guid submittedBy, DateTimeOffset now)
    {
        RequireActive("report on");
        var report = FindReport(reportId);
        report.Submit(submission, submittedBy, now);
        Changed();
        return report;
    }

    public GrantReport SubmitReportFile(Guid reportId, Guid fileId, OtherDonorReport? otherDonor, Guid submittedBy, DateTimeOffset now)
    {
        RequireActive("report on");
        var report = FindReport(reportId);
        report.SubmitFile(fileId, otherDonor, Period, submittedBy, now);
        Changed();
        return report;
    }

    public GrantReport RecordOralReport(Guid reportId, string note, DateOnly givenOn, Guid recordedBy, DateTimeOffset now)
    {
        RequireActive("report on");
        var report = FindReport(reportId);
        report.RecordOral(note, givenOn, recordedBy, now);
        Changed();
        return report;
    }

    /// <summary>A waived report counts as done: like an accepted one, it may make the next conditional tranche due.</summary>
    public GrantReport WaiveReport(Guid reportId, string reason, Guid waivedBy, DateOnly today, DateTimeOffset now)
    {
        RequireActive("waive reports of");
        var report = FindReport(reportId);
        report.Waive(reason, waivedBy, now);
        Changed();
        RefreshDueTranches(today);
        return report;
    }

    /// <summary>Accepting an annual report may make the next conditional tranche due.</summary>
    public GrantReport ReviewReport(Guid reportId, ReportOutcome outcome, string? comment, Guid reviewedBy, DateOnly today, DateTimeOffset now)
    {
        RequireActive("review reports of");
        var report = FindReport(reportId);
        report.Review(outcome, comment, reviewedBy, now);
        Changed();
        RefreshDueTranches(today);
        return report;
    }

    /// <summary>
    /// Moves the end date later. The reporting schedule follows: the final report moves to 60 days after the new end,
    /// and if the grant gains years, the former last year gets an annual report and new years are scheduled. The
    /// extension only gives more time, so it applies at once; it is written into the next agreement version.
    /// </summary>
    public GrantAmendment Extend(DateOnly newEndDate, string reason, Guid by, DateTimeOffset now)
    {
        RequireOpen("amend");
        if (newEndDate <= EndDate)
        {
            throw new BusinessRuleException("extension-not-later", $"A no-cost extension must end after the current end date, {EndDate:yyyy-MM-dd}.");
        }

        if (newEndDate > StartDate.AddMonths(MaxLengthMonths))
        {
            throw new BusinessRuleException("extension-too-long", $"A grant can run at most {MaxLengthMonths / 12} years, until {StartDate.AddMonths(MaxLengthMonths):yyyy-MM-dd}.");
        }

        var final = _reports.Single(r => r.Kind == ReportKind.Final);
        if (!final.IsOpenForSubmission)
        {
            throw new BusinessRuleException("final-report-already-submitted", "The final report has been submitted; the grant can no longer be extended.");
        }

        var amendment = AddAmendment(AmendmentKind.NoCostExtension, newEndDate, amount: null, reason, by, now);
        EndDate = newEndDate;
        foreach (var scheduled in Period.ReportingSchedule())
        {
            var existing = _reports.FirstOrDefault(r => r.PeriodYear == scheduled.PeriodYear);
            if (existing is null)
            {
                _reports.Add(new GrantReport(Id, Currency, scheduled.Kind, scheduled.PeriodYear, scheduled.DueOn));
            }
            else
            {
                existing.Reschedule(scheduled.Kind, scheduled.DueOn);
            }
        }

        return amendment;
    }

    /// <summary>
    /// Adds money: the caller commits it against the fund in the same unit of work. It is shared among the members in
    /// proportion to their allocations (the rounding remainder to the lead, or else the largest allocation) and paid as
    /// a new unconditional tranche, planned for today or the start date, payable once the new agreement version is signed.
    /// </summary>
    public GrantAmendment TopUp(Money amount, string reason, Guid by, DateOnly today, DateTimeOffset now)
    {
        RequireOpen("amend");
        if (!amount.IsPositive)
        {
            throw new BusinessRuleException("grant-amount-not-positive", "A top-up must be positive.");
        }

        var amendment = AddAmendment(AmendmentKind.TopUp, newEndDate: null, amount, reason, by, now);
        var shares = SharesOf(amount);
        foreach (var (organisationId, share) in shares)
        {
            _allocations.Single(a => a.OrganisationId == organisationId).Increase(share);
        }

        Amount += amount;
        var plannedDate = today > StartDate ? today : StartDate;
        AddInstalment(
            _tranches.Max(t => t.Number) + 1,
            plannedDate,
            amount,
            TrancheCondition.None,
            amendment.Id,
            shares);
        return amendment;
    }

    /// <summary>Closes a completed grant: every tranche that was not cancelled is paid and the final report accepted.</summary>
    public void Close(Guid by, DateTimeOffset now)
    {
        RequireActive("close");
        if (_tranches.Any(t => t.IsUnpaid))
        {
            throw new BusinessRuleException("grant-has-unpaid-tranches", "Every tranche must be paid before the grant can be closed.");
        }

        if (_reports.Any(r => r.Kind == ReportKind.Final && !r.IsDone))
        {
            throw new BusinessRuleException("final-report-not-accepted", "The final report must be accepted (or waived) before the grant can be closed.");
        }

        Status = GrantStatus.Closed;
        EndedAt = now;
        EndedBy = by;
        Changed();
    }

    /// <summary>Ends the grant early, cancelling every unpaid tranche. Returns the unpaid remainder the caller releases to the fund.</summary>
    public Money Terminate(string reason, Guid by, DateTimeOffset now)
    {
        RequireOpen("terminate");
        var unpaid = Amount - PaidTotal;
        foreach (var tranche in _tranches)
        {
            tranche.Cancel();
        }

        Status = GrantStatus.Terminated;
        TerminationReason = reason;
        EndedAt = now;
        EndedBy = by;
        Changed();
        return unpaid;
    }

    /// <summary>
    /// Its retention period over, an ended grant keeps every financial record (amounts, tranches, payments and their
    /// references, approvals and who gave them, reported spending, agreement fingerprints) and loses the words: report
    /// texts, review and approval comments, amendment and termination reasons. False when already erased.
    /// </summary>
    public bool ErasePersonalData(DateTimeOffset now)
    {
        if (EndedAt is null)
        {
            throw new BusinessRuleException("grant-not-ended", $"A grant that is {Status} is still in use; its text cannot be erased.");
        }

        if (PersonalDataErasedAt is not null)
        {
            return false;
        }

        TerminationReason = null;
        foreach (var report in _reports)
        {
            report.EraseText();
        }

        foreach (var tranche in _tranches)
        {
            tranche.EraseText();
        }

        foreach (var amendment in _amendments)
        {
            amendment.EraseText();
        }

        foreach (var transfer in _onwardTransfers)
        {
            transfer.EraseText();
        }

        PersonalDataErasedAt = now;
        return true;
    }

    private void PlanTranches(IReadOnlyList<PlannedTranche> plan)
    {
        if (TranchePlanProblem(plan, Amount) is { } problem)
        {
            throw new BusinessRuleException("tranche-plan-mismatch", problem);
        }

        if (plan.Any(t => !Period.Contains(t.PlannedDate)))
        {
            throw new BusinessRuleException("tranche-outside-grant-period", "Every tranche must be planned within the grant period.");
        }

        var number = 1;
        foreach (var planned in plan.OrderBy(t => t.PlannedDate))
        {
            var condition = Period.YearOf(planned.PlannedDate) > 1 ? TrancheCondition.PreviousAnnualReportAccepted : TrancheCondition.None;
            number = AddInstalment(number, planned.PlannedDate, planned.Amount, condition, amendmentId: null, SharesOf(planned.Amount));
        }
    }

    /// <summary>
    /// Adds one instalment numbered from <paramref name="number"/>: a single tranche to the lead, or under direct payment
    /// one tranche per member with a non-zero part (the lead's first). Returns the next free number.
    /// </summary>
    private int AddInstalment(int number, DateOnly plannedDate, Money amount, TrancheCondition condition, Guid? amendmentId, IReadOnlyList<(Guid OrganisationId, Money Part)> parts)
    {
        if (!PaysMembersDirectly)
        {
            _tranches.Add(new Tranche(Id, number, plannedDate, amount, condition, amendmentId, FiscalHostOrganisationId));
            return number + 1;
        }

        foreach (var (organisationId, part) in parts.Where(p => p.Part.IsPositive).OrderByDescending(p => p.OrganisationId == LeadOrganisationId).ThenBy(p => p.OrganisationId))
        {
            var payee = organisationId == LeadOrganisationId ? FiscalHostOrganisationId ?? organisationId : organisationId;
            _tranches.Add(new Tranche(Id, number++, plannedDate, part, condition, amendmentId, payee, splitOf: amount));
        }

        return number;
    }

    /// <summary>
    /// Each member's part of an instalment, in proportion to the allocations and rounded down, the remainder to the lead
    /// (or, when the lead holds no allocation, to the largest allocation).
    /// </summary>
    private List<(Guid OrganisationId, Money Part)> SharesOf(Money instalment)
    {
        var parts = _allocations.ToDictionary(a => a.OrganisationId, a => instalment.ScaledBy(a.Amount, Amount));
        var remainderHolder = _allocations.Any(a => a.OrganisationId == LeadOrganisationId)
            ? LeadOrganisationId
            : _allocations.MaxBy(a => a.Amount.MinorUnits)!.OrganisationId;
        parts[remainderHolder] += instalment - Money.Sum(parts.Values, Currency);
        return [.. parts.Select(p => (p.Key, p.Value))];
    }

    private GrantAmendment AddAmendment(AmendmentKind kind, DateOnly? newEndDate, Money? amount, string reason, Guid by, DateTimeOffset now)
    {
        var amendment = new GrantAmendment(Id, _amendments.Count + 1, kind, EndDate, newEndDate, Currency, amount, reason, by, now);
        _amendments.Add(amendment);
        Changed();
        return amendment;
    }

    /// <summary>
    /// Whether a planned tranche's condition holds, given the grant years whose annual report was accepted or waived: the rule
    /// <see cref="RefreshDueTranches"/> applies, also asked by lists that count due tranches without loading each grant.
    /// </summary>
    public static bool ConditionHolds(TrancheCondition condition, DateOnly plannedDate, GrantPeriod period, IEnumerable<int> doneReportYears) =>
        condition != TrancheCondition.PreviousAnnualReportAccepted || doneReportYears.Contains(period.YearOf(plannedDate) - 1);

    private bool ConditionHolds(Tranche tranche) =>
        ConditionHolds(tranche.Condition, tranche.PlannedDate, Period, _reports.Where(r => r.IsDone).Select(r => r.PeriodYear));

    private bool AmendmentInForce(Tranche tranche) =>
        tranche.AmendmentId is not { } amendmentId || _amendments.Any(a => a.Id == amendmentId && a.IsInForce);

    private const string ApproveAction = "approve payments of";
    private const string PayAction = "pay";

    private BusinessRuleException? OverpaymentRefusal(Tranche tranche) =>
        tranche.IsUnpaid && PaidTotal + tranche.Amount > Amount
            ? new BusinessRuleException("grant-overpayment", "This payment would take the payments above the grant amount.")
            : null;

    private void RequireNotAwardingOfficer(Guid userId)
    {
        if (AwardingOfficerRefusal(userId) is { } refusal)
        {
            throw refusal;
        }
    }

    private BusinessRuleException? AwardingOfficerRefusal(Guid userId) =>
        userId == AwardedBy
            ? new BusinessRuleException(
                "maker-checker",
                "You awarded this grant, so you can never approve or record its payments: another finance officer must.")
            : null;

    private void RequireActive(string action)
    {
        if (NotActiveRefusal(action) is { } refusal)
        {
            throw refusal;
        }
    }

    private BusinessRuleException? NotActiveRefusal(string action) =>
        Status != GrantStatus.Active
            ? new BusinessRuleException("grant-not-active", $"Cannot {action} a grant that is {Status}; it must be Active.")
            : null;

    private void RequireOpen(string action)
    {
        if (Status is not (GrantStatus.AwaitingSignature or GrantStatus.Active))
        {
            throw new BusinessRuleException("grant-ended", $"Cannot {action} a grant that is {Status}.");
        }
    }

    /// <summary>
    /// Tranches, reports and the rest live in their own tables, so changing only a child would leave the grant's row,
    /// and its version check, out of the save. Every change bumps the version, so concurrent changes to one grant
    /// (two approvals, two payments) conflict and the unit of work retries one of them with fresh state. (The context
    /// leaves a version bumped here as it is.)
    /// </summary>
    private void Changed() => Version++;
}
