using GrantHub.Core.Common;

namespace GrantHub.Core.Grants;

public enum OnwardTransferStatus
{
    /// <summary>Recorded by the lead; the partner has not answered yet.</summary>
    Recorded,
    Confirmed,
    Disputed,
}

/// <summary>
/// The lead organisation's record that it passed part of a paid tranche on to a partner. What the lead recorded never
/// changes; the partner answers once, confirming receipt or disputing it with a reason. A correction is a new record.
/// </summary>
public class OnwardTransfer
{
    private OnwardTransfer()
    {
    }

    internal OnwardTransfer(
        Guid grantId, int trancheNumber, Guid partnerOrganisationId, Money amount, DateOnly transferredOn, string reference, Guid recordedBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        GrantId = grantId;
        TrancheNumber = trancheNumber;
        PartnerOrganisationId = partnerOrganisationId;
        Amount = amount;
        TransferredOn = transferredOn;
        Reference = reference;
        RecordedBy = recordedBy;
        RecordedAt = now;
        Status = OnwardTransferStatus.Recorded;
    }

    public Guid Id { get; private set; }
    public Guid GrantId { get; private set; }
    public int TrancheNumber { get; private set; }
    public Guid PartnerOrganisationId { get; private set; }
    public Money Amount { get; private set; }
    public DateOnly TransferredOn { get; private set; }
    public string Reference { get; private set; } = "";
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public OnwardTransferStatus Status { get; private set; }
    public Guid? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? DisputeReason { get; private set; }

    internal void Confirm(Guid by, DateTimeOffset now)
    {
        RequireUnanswered(by);
        Status = OnwardTransferStatus.Confirmed;
        AnsweredBy = by;
        AnsweredAt = now;
    }

    internal void Dispute(string reason, Guid by, DateTimeOffset now)
    {
        RequireUnanswered(by);
        Status = OnwardTransferStatus.Disputed;
        DisputeReason = reason;
        AnsweredBy = by;
        AnsweredAt = now;
    }

    /// <summary>The amount, dates, reference and who answered stay (financial records); the dispute's words go.</summary>
    internal void EraseText() => DisputeReason = null;

    private void RequireUnanswered(Guid by)
    {
        if (Status != OnwardTransferStatus.Recorded)
        {
            throw new BusinessRuleException(
                "transfer-already-answered", $"This transfer was already {Status.ToString().ToLowerInvariant()}; an answer never changes. The lead records a new transfer to correct it.");
        }

        if (by == RecordedBy)
        {
            throw new BusinessRuleException("transfer-own-record", "You recorded this transfer, so someone else of the receiving organisation must confirm or dispute it.");
        }
    }
}
