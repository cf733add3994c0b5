using GrantHub.Core.Common;

namespace GrantHub.Core.Funds;

/// <summary>An immutable record of money added to a fund's budget.</summary>
public class FundTopUp
{
    private FundTopUp()
    {
    }

    public FundTopUp(Guid fundId, Money amount, string? note, Guid addedBy, DateTimeOffset addedAt)
    {
        Id = Guid.NewGuid();
        FundId = fundId;
        Amount = amount;
        Note = note;
        AddedBy = addedBy;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }
    public Guid FundId { get; private set; }
    public Money Amount { get; private set; }
    public string? Note { get; private set; }
    public Guid AddedBy { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}
