using GrantHub.Core.Common;

namespace GrantHub.Core.Grants;

public enum OnwardShareStatus
{
    /// <summary>Nothing recorded for the share yet, or only transfers the partner disputed and nothing since.</summary>
    NotTransferred,

    /// <summary>The lead recorded a transfer the partner has not answered yet.</summary>
    AwaitingConfirmation,

    /// <summary>The partner disputed the last transfer and the share is not confirmed in full.</summary>
    Disputed,

    /// <summary>The partner confirmed receiving at least the expected share.</summary>
    Confirmed,
}

/// <summary>
/// What the lead owes one partner from one paid tranche: the expected share, what the lead recorded (transfers not
/// disputed), what the partner confirmed, and the day the agreement's 30-day clause makes it due.
/// </summary>
public sealed record OnwardShare(
    Tranche Tranche,
    Guid PartnerOrganisationId,
    Money Expected,
    Money Recorded,
    Money Confirmed,
    DateOnly DueOn,
    OnwardShareStatus Status,
    IReadOnlyList<OnwardTransfer> Transfers)
{
    /// <summary>Settled once the partner confirmed the whole share: the officer's outstanding list and the alerts forget it.</summary>
    public bool IsSettled => Status == OnwardShareStatus.Confirmed;

    /// <summary>Whole days past the due date while the share is not settled; 0 otherwise.</summary>
    public int DaysOverdue(DateOnly today) => !IsSettled && today > DueOn ? today.DayNumber - DueOn.DayNumber : 0;
}

public partial class Grant
{
    /// <summary>The agreement's clause: the lead passes each partner its share on within this many days of the tranche's payment.</summary>
    public const int OnwardTransferDays = 30;

    private readonly List<OnwardTransfer> _onwardTransfers = [];

    public IReadOnlyCollection<OnwardTransfer> OnwardTransfers => _onwardTransfers;

    /// <summary>
    /// Every partner's share of every tranche paid to the lead, in tranche then partner order; none under direct payment.
    /// Expected share = tranche amount × the partner's current allocation ÷ the grant's current amount, rounded down to
    /// minor units. A top-up raises allocations in proportion (remainder to the lead), so a partner's ratio never rises
    /// and the share of an earlier tranche can at most drop by a minor unit.
    /// </summary>
    public IReadOnlyList<OnwardShare> OnwardShares()
    {
        if (PaysMembersDirectly)
        {
            return [];
        }

        var partners = _allocations.Where(a => a.OrganisationId != LeadOrganisationId).OrderBy(a => a.OrganisationId).ToList();
        return
        [
            .. _tranches
                .Where(t => t.Status == TrancheStatus.Paid)
                .OrderBy(t => t.Number)
                .SelectMany(tranche => partners.Select(partner => ShareOf(tranche, partner)))
                .Where(share => share.Expected.IsPositive),
        ];
    }

    public OnwardShare OnwardShareOf(int trancheNumber, Guid partnerOrganisationId) =>
        OnwardShares().FirstOrDefault(s => s.Tranche.Number == trancheNumber && s.PartnerOrganisationId == partnerOrganisationId)
        ?? throw new BusinessRuleException(
            "no-onward-share",
            PaysMembersDirectly
                ? "This grant pays each member directly: no onward transfer is owed."
                : $"Nothing is owed to this organisation from tranche {trancheNumber}: the tranche must be paid to the lead and the organisation a partner with an allocation.");

    public OnwardTransfer FindOnwardTransfer(Guid transferId) =>
        _onwardTransfers.FirstOrDefault(t => t.Id == transferId) ?? throw new NotFoundException("Transfer", transferId);

    /// <summary>
    /// The lead records that it passed (part of) a partner's share of a paid tranche on: never before the tranche was
    /// paid, never in the future, and never more than the share still open (the transfers not disputed count). Who may
    /// record is the caller's check.
    /// </summary>
    public OnwardTransfer RecordOnwardTransfer(
        int trancheNumber, Guid partnerOrganisationId, Money amount, DateOnly transferredOn, string reference, Guid recordedBy, DateOnly today, DateTimeOffset now)
    {
        var share = OnwardShareOf(trancheNumber, partnerOrganisationId);
        if (!amount.IsPositive)
        {
            throw new BusinessRuleException("transfer-amount-not-positive", "A transfer must be positive.");
        }

        if (transferredOn > today)
        {
            throw new BusinessRuleException("transfer-in-future", "A transfer cannot be recorded for a future date.");
        }

        if (transferredOn < share.Tranche.PaidOn)
        {
            throw new BusinessRuleException(
                "transfer-before-tranche-payment", $"Tranche {trancheNumber} was paid on {share.Tranche.PaidOn:yyyy-MM-dd}; a transfer of it cannot be dated earlier.");
        }

        if (share.Recorded + amount > share.Expected)
        {
            throw new BusinessRuleException(
                "transfer-exceeds-share",
                $"The partner's share of tranche {trancheNumber} is {share.Expected}, of which {share.Recorded} is already recorded; at most {share.Expected - share.Recorded} remains.");
        }

        var transfer = new OnwardTransfer(Id, trancheNumber, partnerOrganisationId, amount, transferredOn, reference, recordedBy, now);
        _onwardTransfers.Add(transfer);
        Changed();
        return transfer;
    }

    public OnwardTransfer ConfirmOnwardTransfer(Guid transferId, Guid by, DateTimeOffset now)
    {
        var transfer = FindOnwardTransfer(transferId);
        transfer.Confirm(by, now);
        Changed();
        return transfer;
    }

    public OnwardTransfer DisputeOnwardTransfer(Guid transferId, string reason, Guid by, DateTimeOffset now)
    {
        var transfer = FindOnwardTransfer(transferId);
        transfer.Dispute(reason, by, now);
        Changed();
        return transfer;
    }

    private OnwardShare ShareOf(Tranche tranche, GrantAllocation partner)
    {
        var transfers = _onwardTransfers
            .Where(t => t.TrancheNumber == tranche.Number && t.PartnerOrganisationId == partner.OrganisationId)
            .OrderBy(t => t.RecordedAt)
            .ToList();
        var expected = tranche.Amount.ScaledBy(partner.Amount, Amount);
        var recorded = Money.Sum(transfers.Where(t => t.Status != OnwardTransferStatus.Disputed).Select(t => t.Amount), Currency);
        var confirmed = Money.Sum(transfers.Where(t => t.Status == OnwardTransferStatus.Confirmed).Select(t => t.Amount), Currency);
        var status = confirmed >= expected ? OnwardShareStatus.Confirmed
            : transfers.Any(t => t.Status == OnwardTransferStatus.Recorded) ? OnwardShareStatus.AwaitingConfirmation
            : transfers.LastOrDefault()?.Status == OnwardTransferStatus.Disputed ? OnwardShareStatus.Disputed
            : OnwardShareStatus.NotTransferred;
        return new OnwardShare(tranche, partner.OrganisationId, expected, recorded, confirmed, tranche.PaidOn!.Value.AddDays(OnwardTransferDays), status, transfers);
    }
}
