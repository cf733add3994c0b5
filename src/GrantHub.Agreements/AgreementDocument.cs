namespace GrantHub.Agreements;

/// <summary>Everything a grant agreement states; rendered to PDF by <see cref="AgreementPdfRenderer"/>.</summary>
public sealed record AgreementDocument
{
    public required string GrantNumber { get; init; }
    public required string FunderName { get; init; }
    public required string FundName { get; init; }

    /// <summary>ISO 4217 code of the fund's currency, e.g. "USD" or "XOF".</summary>
    public required string Currency { get; init; }

    public required decimal TotalAmount { get; init; }
    public required DateOnly StartDate { get; init; }
    public required DateOnly EndDate { get; init; }

    /// <summary>The organisation that receives the grant on behalf of the consortium.</summary>
    public required AgreementParty Lead { get; init; }

    public IReadOnlyList<AgreementParty> Partners { get; init; } = [];
    public IReadOnlyList<AgreementTranche> Tranches { get; init; } = [];
    public IReadOnlyList<AgreementReport> Reports { get; init; } = [];

    /// <summary>Each generation of the agreement is a new version.</summary>
    public required int Version { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>
    /// For a group without registration, the "Fiscal host" clause: the registered organisation that receives the money and
    /// passes it on, and its fee. Null otherwise.
    /// </summary>
    public string? FiscalHostNote { get; init; }

    /// <summary>
    /// The funder pays each consortium member its part of every instalment itself (chosen at award): no onward transfers,
    /// and each tranche names the member it is paid to in its condition column.
    /// </summary>
    public bool PaysMembersDirectly { get; init; }

    /// <summary>Free text added as an "Amendments" clause, e.g. a no-cost extension; line breaks start new paragraphs.</summary>
    public string? AmendmentNotes { get; init; }
}
