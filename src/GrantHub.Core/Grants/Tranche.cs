using GrantHub.Core.Common;

namespace GrantHub.Core.Grants;

public enum TrancheCondition
{
    None,

    /// <summary>The annual report of the grant year before the tranche's planned date must be accepted.</summary>
    PreviousAnnualReportAccepted,
}

public enum TrancheStatus
{
    Planned,
    Due,
    Approved,
    Paid,
    Cancelled,
}

/// <summary>
/// One payment of a grant. Planned → Due (grant active, date come, condition met) → Approved (enough distinct
/// finance approvals in the current round) → Paid, or Cancelled when the grant is terminated. A rejection ends
/// the current approval round: the tranche is Due again and needs a fresh set of approvals. Paid is final.
/// </summary>
public class Tranche
{
    private readonly List<TrancheApproval> _approvals = [];
    private long? splitOfMinorUnits;

    // The payment as received, when recorded, in four nullable columns: EF cannot map an optional complex type that
    // holds an amount (see PaymentAsReceivedMapping).
    private long? receivedMinorUnits;
    private string? receivedCurrency;
    private decimal? receivedExchangeRate;
    private DateOnly? receivedValueDate;

    private Tranche()
    {
    }

    internal Tranche(
        Guid grantId, int number, DateOnly plannedDate, Money amount, TrancheCondition condition, Guid? amendmentId, Guid? payeeOrganisationId = null, Money? splitOf = null)
    {
        Id = Guid.NewGuid();
        GrantId = grantId;
        Number = number;
        PlannedDate = plannedDate;
        Amount = amount;
        Condition = condition;
        AmendmentId = amendmentId;
        PayeeOrganisationId = payeeOrganisationId;
        splitOfMinorUnits = splitOf?.MinorUnits;
        Status = TrancheStatus.Planned;
        ApprovalRound = 1;
    }

    public Guid Id { get; private set; }
    public Guid GrantId { get; private set; }
    public int Number { get; private set; }
    public DateOnly PlannedDate { get; private set; }
    public Money Amount { get; private set; }
    public TrancheCondition Condition { get; private set; }
    public TrancheStatus Status { get; private set; }

    /// <summary>The top-up amendment that added this tranche: payable only once an agreement version including it is signed.</summary>
    public Guid? AmendmentId { get; private set; }

    /// <summary>
    /// Null for a payment to the lead organisation on behalf of the consortium (the lead then owes each partner its onward
    /// transfer); the fiscal host for a payment on behalf of a consortium whose lead is a group without registration; under
    /// direct payment, the one consortium member this part of an instalment is paid to (the lead's part to its host, if any).
    /// </summary>
    public Guid? PayeeOrganisationId { get; private set; }

    /// <summary>
    /// What the fund's approval threshold is judged on: the whole instalment when this is one member's part of a split
    /// instalment (splitting never lowers the bar), else the tranche's own amount.
    /// </summary>
    public Money ApprovalBasis => splitOfMinorUnits is { } whole ? new Money(whole, Amount.Currency) : Amount;

    public int ApprovalRound { get; private set; }
    public string? PaymentReference { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public Guid? RecordedBy { get; private set; }
    public DateTimeOffset? RecordedAt { get; private set; }

    /// <summary>The payment as the recipient received it, when finance recorded it (optional).</summary>
    public PaymentAsReceived? AsReceived => receivedMinorUnits is { } minorUnits
        ? new PaymentAsReceived(new Money(minorUnits, receivedCurrency!), receivedExchangeRate!.Value, receivedValueDate!.Value)
        : null;

    private void RecordAsReceived(PaymentAsReceived? asReceived)
    {
        receivedMinorUnits = asReceived?.Amount.MinorUnits;
        receivedCurrency = asReceived?.Amount.Currency;
        receivedExchangeRate = asReceived?.ExchangeRate;
        receivedValueDate = asReceived?.ValueDate;
    }
    public IReadOnlyCollection<TrancheApproval> Approvals => _approvals;

    public bool IsUnpaid => Status is TrancheStatus.Planned or TrancheStatus.Due or TrancheStatus.Approved;

    public IEnumerable<TrancheApproval> CurrentApprovals =>
        _approvals.Where(a => a.Round == ApprovalRound && a.Decision == ApprovalDecision.Approve);

    /// <summary>How many more approvals the current round needs before the payment can be recorded (0 once approved, paid or cancelled).</summary>
    public int ApprovalsStillNeeded(int requiredApprovals) =>
        Status is TrancheStatus.Planned or TrancheStatus.Due ? Math.Max(0, requiredApprovals - CurrentApprovals.Count()) : 0;

    internal void MarkDue() => Status = TrancheStatus.Due;

    /// <summary>Why this officer may not give this decision on the tranche now, or null when she may (as <see cref="Decide"/> enforces).</summary>
    internal BusinessRuleException? RefusalToDecide(Guid officerId, ApprovalDecision decision) =>
        FinalRefusal()
        ?? (Status == TrancheStatus.Planned
            ? new BusinessRuleException("tranche-not-due", $"Tranche {Number} is not due yet: its planned date has not come or its condition is not met.")
            : null)
        ?? (decision != ApprovalDecision.Approve ? null
            : Status == TrancheStatus.Approved
                ? new BusinessRuleException("tranche-already-approved", $"Tranche {Number} already has every approval it needs.")
                : CurrentApprovals.Any(a => a.OfficerId == officerId)
                    ? new BusinessRuleException("duplicate-approval", $"You have already approved tranche {Number}; the next approval must come from another finance officer.")
                    : null);

    /// <summary>Why the payment of this tranche cannot be recorded now, or null (as <see cref="RecordPayment"/> enforces).</summary>
    internal BusinessRuleException? RefusalToPay() =>
        FinalRefusal()
        ?? (Status != TrancheStatus.Approved
            ? new BusinessRuleException("tranche-not-approved", $"Tranche {Number} is {Status}; a payment can be recorded only once it is due and fully approved.")
            : null);

    internal void Decide(Guid officerId, ApprovalDecision decision, string? comment, int requiredApprovals, DateTimeOffset now)
    {
        if (RefusalToDecide(officerId, decision) is { } refusal)
        {
            throw refusal;
        }

        if (decision == ApprovalDecision.Approve)
        {
            _approvals.Add(new TrancheApproval(Id, ApprovalRound, officerId, decision, comment, now));
            if (CurrentApprovals.Count() >= requiredApprovals)
            {
                Status = TrancheStatus.Approved;
            }

            return;
        }

        _approvals.Add(new TrancheApproval(Id, ApprovalRound, officerId, decision, comment, now));
        ApprovalRound++;
        Status = TrancheStatus.Due;
    }

    internal void RecordPayment(string paymentReference, DateOnly paidOn, PaymentAsReceived? asReceived, Guid recordedBy, DateTimeOffset now)
    {
        if (RefusalToPay() is { } refusal)
        {
            throw refusal;
        }

        Status = TrancheStatus.Paid;
        PaymentReference = paymentReference;
        PaidOn = paidOn;
        RecordAsReceived(asReceived);
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    internal void Cancel()
    {
        if (IsUnpaid)
        {
            Status = TrancheStatus.Cancelled;
        }
    }

    /// <summary>Who approved, when and how much stay (financial records); the comments go.</summary>
    internal void EraseText()
    {
        foreach (var approval in _approvals)
        {
            approval.EraseText();
        }
    }

    private BusinessRuleException? FinalRefusal() => Status switch
    {
        TrancheStatus.Paid => new BusinessRuleException("tranche-paid", $"Tranche {Number} is paid; a recorded payment can never change."),
        TrancheStatus.Cancelled => new BusinessRuleException("tranche-cancelled", $"Tranche {Number} was cancelled."),
        _ => null,
    };
}

/// <summary>One finance officer's decision on a tranche in one approval round. Never changed or removed.</summary>
public class TrancheApproval
{
    private TrancheApproval()
    {
    }

    internal TrancheApproval(Guid trancheId, int round, Guid officerId, ApprovalDecision decision, string? comment, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        TrancheId = trancheId;
        Round = round;
        OfficerId = officerId;
        Decision = decision;
        Comment = comment;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid TrancheId { get; private set; }
    public int Round { get; private set; }
    public Guid OfficerId { get; private set; }
    public ApprovalDecision Decision { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset At { get; private set; }

    internal void EraseText() => Comment = null;
}
