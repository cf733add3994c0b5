using GrantHub.Core.Common;
using GrantHub.Core.Funds;
using GrantHub.Core.Organisations;

namespace GrantHub.Core.Emergency;

public enum EmergencyCategory
{
    SafetyAndRelocation,
    Medical,
    LegalAid,
    Humanitarian,
    OperationalContinuity,
}

public enum EmergencyRequestStatus
{
    Submitted,
    Approved,
    Paid,
    Rejected,
    Cancelled,

    /// <summary>Approved, then never paid: its committed amount went back to the fund.</summary>
    Released,
}

/// <summary>An organisation's approved emergency total over the rolling window and its limit (null: no limit in this currency).</summary>
public record OrganisationAllowance(Organisation Organisation, Money? Limit, Money AlreadyApproved);

/// <summary>
/// A request for rapid-response money. Lifecycle: Submitted → Approved → Paid, or Rejected / Cancelled (before a
/// decision), or Approved → Released (the money cannot be paid and goes back to the fund).
/// Maker-checker: whoever asked (the requester and, for requests taken by phone, the officer who entered it)
/// never approves or pays. The amount is in the fund's currency, <see cref="Currency"/>.
/// </summary>
public class EmergencyRequest : IVersioned
{
    public const int MaxJustificationLength = 4000;
    public const int MaxReasonLength = 2000;
    public const int MaxPaymentReferenceLength = 100;

    private readonly List<EmergencyApproval> _approvals = [];

    // The payment as received, when recorded, in four nullable columns: EF cannot map an optional complex type that
    // holds an amount (see PaymentAsReceivedMapping).
    private long? receivedMinorUnits;
    private string? receivedCurrency;
    private decimal? receivedExchangeRate;
    private DateOnly? receivedValueDate;

    private EmergencyRequest()
    {
    }

    public EmergencyRequest(
        Guid organisationId,
        Fund fund,
        Money amount,
        EmergencyCategory category,
        string justification,
        DateOnly neededBy,
        Guid requestedBy,
        Guid? enteredBy,
        DateTimeOffset submittedAt,
        TimeSpan decisionPromise)
    {
        if (fund.Kind != FundKind.RapidResponse)
        {
            throw new BusinessRuleException("fund-not-rapid-response", "Emergency requests draw on a RapidResponse fund.");
        }

        if (!amount.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "Amounts must be positive.");
        }

        if (amount.Currency != fund.Currency)
        {
            throw new ArgumentException($"The fund holds {fund.Currency}, not {amount.Currency}.", nameof(amount));
        }

        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        FundId = fund.Id;
        Amount = amount;
        Currency = fund.Currency;
        Category = category;
        Justification = justification;
        NeededBy = neededBy;
        RequestedBy = requestedBy;
        EnteredBy = enteredBy;
        SubmittedAt = submittedAt;
        DecisionDueAt = submittedAt + decisionPromise;
        Status = EmergencyRequestStatus.Submitted;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid FundId { get; private set; }
    public Money Amount { get; private set; }
    public string Currency { get; private set; } = "";
    public EmergencyCategory Category { get; private set; }

    /// <summary>Confidential: visible to finance, programme officers and the organisation only; never logged or audited.</summary>
    public string Justification { get; private set; } = "";

    public DateOnly NeededBy { get; private set; }
    public EmergencyRequestStatus Status { get; private set; }

    /// <summary>The user who submitted the request: a member of the organisation, or the officer entering it for them.</summary>
    public Guid RequestedBy { get; private set; }

    /// <summary>The programme officer who entered a request received by phone or message on the organisation's behalf.</summary>
    public Guid? EnteredBy { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset DecisionDueAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public DateTimeOffset? BreachedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? RejectionReason { get; private set; }
    public string? PaymentReference { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public Guid? PaidBy { get; private set; }
    public DateTimeOffset? PaymentRecordedAt { get; private set; }

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
    public DateTimeOffset? ReleasedAt { get; private set; }
    public Guid? ReleasedBy { get; private set; }

    /// <summary>Why approved money will not be paid (e.g. the bank details were wrong); shown to the organisation.</summary>
    public string? ReleaseReason { get; private set; }

    /// <summary>When the retention period ended and the request's free text was erased (<see cref="ErasePersonalData"/>).</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; private set; }

    public long Version { get; set; }
    public IReadOnlyCollection<EmergencyApproval> Approvals => _approvals;

    public static readonly EmergencyRequestStatus[] FinalStatuses =
        [EmergencyRequestStatus.Paid, EmergencyRequestStatus.Rejected, EmergencyRequestStatus.Cancelled, EmergencyRequestStatus.Released];

    /// <summary>When the request reached its final state (paid, rejected, cancelled or released), or null while it is open.</summary>
    public DateTimeOffset? EndedAt => Status switch
    {
        EmergencyRequestStatus.Paid => PaymentRecordedAt,
        EmergencyRequestStatus.Rejected => DecidedAt,
        EmergencyRequestStatus.Cancelled => CancelledAt,
        EmergencyRequestStatus.Released => ReleasedAt,
        _ => null,
    };

    /// <summary>
    /// Its retention period over, a final request keeps its amount, dates, payment and who decided, and loses the
    /// justification and every reason and comment. False when already erased; refused while the request is open.
    /// </summary>
    public bool ErasePersonalData(DateTimeOffset now)
    {
        if (EndedAt is null)
        {
            throw new BusinessRuleException("emergency-not-final", $"A request that is {Status} is still in use; its text cannot be erased.");
        }

        if (PersonalDataErasedAt is not null)
        {
            return false;
        }

        Justification = "";
        RejectionReason = null;
        ReleaseReason = null;
        foreach (var approval in _approvals)
        {
            approval.EraseText();
        }

        PersonalDataErasedAt = now;
        return true;
    }

    public bool IsMaker(Guid userId) => userId == RequestedBy || userId == EnteredBy;

    /// <summary>
    /// Records one finance officer's approval. The last approval needed commits the amount against the fund,
    /// within the organisation's allowance; either refusal leaves nothing changed.
    /// </summary>
    public void Approve(Fund fund, Guid financeOfficerId, string? comment, OrganisationAllowance allowance, DateTimeOffset now)
    {
        RequireSameFund(fund);
        if (allowance.Organisation.Id != OrganisationId)
        {
            throw new ArgumentException("This is not the requesting organisation's allowance.", nameof(allowance));
        }

        RequireOpenForDecisionBy(financeOfficerId);
        var isFinal = _approvals.Count(a => a.Decision == ApprovalDecision.Approve) + 1 >= fund.ApprovalsRequiredFor(Amount);
        if (isFinal)
        {
            if (allowance.Limit is { } limit && allowance.AlreadyApproved + Amount > limit)
            {
                throw new BusinessRuleException(
                    "organisation-limit-exceeded",
                    $"The organisation has received {allowance.AlreadyApproved.Amount} {Currency} in emergency funds " +
                    $"over the last 12 months; with this request it would exceed its limit of {limit.Amount} {Currency}.");
            }

            fund.Commit(Amount);
            Status = EmergencyRequestStatus.Approved;
            DecidedAt = now;

            // Two final approvals for one organisation (on different funds) must not both fit the same allowance.
            allowance.Organisation.Changed();
        }

        _approvals.Add(new EmergencyApproval(Id, financeOfficerId, ApprovalDecision.Approve, comment, now));

        // A new approval row alone leaves the request's row untouched: concurrent first approvals must conflict.
        Version++;
    }

    /// <summary>One finance officer's rejection decides the request; the reason is shown to the organisation.</summary>
    public void Reject(Guid financeOfficerId, string reason, DateTimeOffset now)
    {
        RequireOpenForDecisionBy(financeOfficerId);
        _approvals.Add(new EmergencyApproval(Id, financeOfficerId, ApprovalDecision.Reject, reason, now));
        Status = EmergencyRequestStatus.Rejected;
        RejectionReason = reason;
        DecidedAt = now;
    }

    public void RecordPayment(Fund fund, Guid financeOfficerId, string paymentReference, DateOnly paidOn, PaymentAsReceived? asReceived, DateTimeOffset now)
    {
        RequireSameFund(fund);
        if (RefusalToPay(financeOfficerId) is { } refusal)
        {
            throw refusal;
        }

        fund.Disburse(Amount);
        Status = EmergencyRequestStatus.Paid;
        PaymentReference = paymentReference;
        PaidOn = paidOn;
        RecordAsReceived(asReceived);
        PaidBy = financeOfficerId;
        PaymentRecordedAt = now;
    }

    /// <summary>
    /// Gives an approved request's committed amount back to the fund when it will never be paid (bank details
    /// wrong, organisation unreachable). Releasing pays nobody, so maker-checker does not apply; who released it
    /// is recorded. A released request no longer counts toward the organisation's 12-month limit.
    /// </summary>
    public void Release(Fund fund, Guid financeOfficerId, string reason, DateTimeOffset now)
    {
        RequireSameFund(fund);
        if (RefusalToRelease() is { } refusal)
        {
            throw refusal;
        }

        fund.Release(Amount);
        Status = EmergencyRequestStatus.Released;
        ReleasedAt = now;
        ReleasedBy = financeOfficerId;
        ReleaseReason = reason;
    }

    public void Cancel(DateTimeOffset now)
    {
        RequirePending("cancel");
        Status = EmergencyRequestStatus.Cancelled;
        CancelledAt = now;
    }

    /// <summary>Marks a request still undecided <paramref name="escalateAfter"/> after submission; false when not yet due or already escalated.</summary>
    public bool Escalate(TimeSpan escalateAfter, DateTimeOffset now)
    {
        if (Status != EmergencyRequestStatus.Submitted || EscalatedAt is not null || now < SubmittedAt + escalateAfter)
        {
            return false;
        }

        EscalatedAt = now;
        return true;
    }

    /// <summary>Records that the decision promise was broken; false when it was not yet due or is already recorded.</summary>
    public bool RecordBreach(DateTimeOffset now)
    {
        if (Status != EmergencyRequestStatus.Submitted || BreachedAt is not null || now < DecisionDueAt)
        {
            return false;
        }

        BreachedAt = now;
        return true;
    }

    /// <summary>
    /// Why this finance officer may not approve or reject the request now, or null when she may: the very refusal that
    /// <see cref="Approve"/> and <see cref="Reject"/> throw, so a screen can show it instead of offering the action.
    /// (The fund's money and the organisation's limit are checked only when the last approval is given.)
    /// </summary>
    public BusinessRuleException? RefusalToDecide(Guid financeOfficerId) =>
        PendingRefusal("decide")
        ?? CheckerRefusal(financeOfficerId, "decide")
        ?? (_approvals.Any(a => a.FinanceOfficerId == financeOfficerId)
            ? new BusinessRuleException(
                "duplicate-approval",
                "You have already recorded your decision on this request; a second approval must come from another finance officer.")
            : null);

    /// <summary>Why this finance officer may not record the payment now, or null when she may (as <see cref="RecordPayment"/> enforces).</summary>
    public BusinessRuleException? RefusalToPay(Guid financeOfficerId) => Status switch
    {
        EmergencyRequestStatus.Paid => new BusinessRuleException(
            "payment-already-recorded",
            $"This request was paid on {PaidOn:yyyy-MM-dd} (reference {PaymentReference}); a recorded payment is final."),
        not EmergencyRequestStatus.Approved => new BusinessRuleException(
            "emergency-not-approved", $"Only an Approved request can be paid; this request is {Status}."),
        _ => CheckerRefusal(financeOfficerId, "pay"),
    };

    /// <summary>Why the request's money cannot be released now, or null (as <see cref="Release"/> enforces).</summary>
    public BusinessRuleException? RefusalToRelease() => Status switch
    {
        EmergencyRequestStatus.Paid => new BusinessRuleException(
            "payment-already-recorded",
            $"This request was paid on {PaidOn:yyyy-MM-dd} (reference {PaymentReference}); paid money cannot be released."),
        not EmergencyRequestStatus.Approved => new BusinessRuleException(
            "emergency-not-approved", $"Only an Approved request can be released; this request is {Status}."),
        _ => null,
    };

    private void RequireOpenForDecisionBy(Guid financeOfficerId)
    {
        if (RefusalToDecide(financeOfficerId) is { } refusal)
        {
            throw refusal;
        }
    }

    private BusinessRuleException? CheckerRefusal(Guid userId, string action) =>
        IsMaker(userId)
            ? new BusinessRuleException("maker-checker", $"You asked for or entered this request, so you cannot {action} it: another finance officer must.")
            : null;

    private void RequirePending(string action)
    {
        if (PendingRefusal(action) is { } refusal)
        {
            throw refusal;
        }
    }

    private BusinessRuleException? PendingRefusal(string action) =>
        Status != EmergencyRequestStatus.Submitted
            ? new BusinessRuleException("emergency-not-pending", $"Cannot {action} a request that is {Status}; it must be Submitted.")
            : null;

    private void RequireSameFund(Fund fund)
    {
        if (fund.Id != FundId)
        {
            throw new ArgumentException("The request draws on another fund.", nameof(fund));
        }
    }
}

/// <summary>One finance officer's decision on an emergency request. Immutable.</summary>
public class EmergencyApproval
{
    private EmergencyApproval()
    {
    }

    internal EmergencyApproval(Guid emergencyRequestId, Guid financeOfficerId, ApprovalDecision decision, string? comment, DateTimeOffset decidedAt)
    {
        Id = Guid.NewGuid();
        EmergencyRequestId = emergencyRequestId;
        FinanceOfficerId = financeOfficerId;
        Decision = decision;
        Comment = comment;
        DecidedAt = decidedAt;
    }

    public Guid Id { get; private set; }
    public Guid EmergencyRequestId { get; private set; }
    public Guid FinanceOfficerId { get; private set; }
    public ApprovalDecision Decision { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }

    internal void EraseText() => Comment = null;
}
