using GrantHub.Core.Common;

namespace GrantHub.Core.Grants;

public enum AmendmentKind
{
    NoCostExtension,
    TopUp,
}

/// <summary>
/// A change to an awarded grant. Each one is written into a new agreement version; it is in force
/// (<see cref="EffectiveAt"/>) once a version that includes it is signed.
/// </summary>
public class GrantAmendment
{
    // EF cannot map an optional complex type of a value type, so the amendment keeps the two columns of its optional
    // amount itself.
    private long? amountMinorUnits;
    private string currency = "";

    private GrantAmendment()
    {
    }

    internal GrantAmendment(
        Guid grantId,
        int number,
        AmendmentKind kind,
        DateOnly previousEndDate,
        DateOnly? newEndDate,
        string currency,
        Money? amount,
        string reason,
        Guid by,
        DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        GrantId = grantId;
        Number = number;
        Kind = kind;
        PreviousEndDate = previousEndDate;
        NewEndDate = newEndDate;
        this.currency = currency;
        amountMinorUnits = amount?.MinorUnits;
        Reason = reason;
        By = by;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid GrantId { get; private set; }
    public int Number { get; private set; }
    public AmendmentKind Kind { get; private set; }
    public DateOnly PreviousEndDate { get; private set; }
    public DateOnly? NewEndDate { get; private set; }

    /// <summary>The top-up amount in the grant's currency; null for an extension.</summary>
    public Money? Amount => amountMinorUnits is { } minorUnits ? new Money(minorUnits, currency) : null;

    public string Reason { get; private set; } = "";

    internal void EraseText() => Reason = "";
    public Guid By { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The first agreement version that includes this amendment.</summary>
    public int? AgreementVersion { get; private set; }

    public DateTimeOffset? EffectiveAt { get; private set; }

    public bool IsInForce => EffectiveAt is not null;

    internal void IncludeIn(int agreementVersion) => AgreementVersion ??= agreementVersion;

    internal void ComeIntoForce(DateTimeOffset now) => EffectiveAt ??= now;
}
