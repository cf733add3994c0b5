using GrantHub.Agreements;

namespace GrantHub.Agreements.Tests;

internal static class AgreementSamples
{
    public const string FrenchPartnerName = "Fédération des Femmes pour la Paix";
    public const string RussianPartnerName = "Ассоциация женщин за мир";

    /// <summary>A three-year core grant to a lead organisation and three partners.</summary>
    public static AgreementDocument ConsortiumGrant() => new()
    {
        GrantNumber = "GH-2026-0042",
        FunderName = "Nordic Foundation for Peace",
        FundName = "Women, Peace and Security Core Fund",
        Currency = "USD",
        TotalAmount = 1_250_000m,
        StartDate = new DateOnly(2026, 3, 1),
        EndDate = new DateOnly(2029, 2, 28),
        Lead = new AgreementParty("Women's Peace Network", "KE", "NGO/2015/1234", 500_000m),
        Partners =
        [
            new AgreementParty(FrenchPartnerName, "CD", "RDC/ASBL/0931", 300_000m),
            new AgreementParty(RussianPartnerName, "KG", "KG-ОО-2211", 250_000m),
            new AgreementParty("Mujeres Rurales en Acción", "CO", null, 200_000m),
        ],
        Tranches =
        [
            new AgreementTranche(1, new DateOnly(2026, 3, 15), 500_000m, ""),
            new AgreementTranche(2, new DateOnly(2027, 3, 15), 450_000m, "Previous annual report accepted"),
            new AgreementTranche(3, new DateOnly(2028, 3, 15), 300_000m, "Previous annual report accepted"),
        ],
        Reports =
        [
            new AgreementReport("Annual narrative and financial report", 1, new DateOnly(2027, 2, 28)),
            new AgreementReport("Annual narrative and financial report", 2, new DateOnly(2028, 2, 29)),
            new AgreementReport("Final report", null, new DateOnly(2029, 5, 31)),
        ],
        Version = 2,
        GeneratedAt = new DateTimeOffset(2026, 2, 20, 9, 30, 0, TimeSpan.Zero),
    };

    /// <summary>Twelve partners and an amendment history long enough to need several pages.</summary>
    public static AgreementDocument LargeConsortiumWithAmendments() => ConsortiumGrant() with
    {
        GrantNumber = "GH-2026-0107",
        TotalAmount = 3_900_000m,
        Lead = new AgreementParty("Women's Peace Network", "KE", "NGO/2015/1234", 900_000m),
        Partners = Enumerable.Range(1, 12).Select(PartnerNumbered).ToList(),
        AmendmentNotes = LongAmendmentNotes(),
    };

    public static string PartnerName(int number) => $"Women Defenders Collective {number:00}";

    /// <summary>Sentences tagged "note-001" to "note-120", so a test can check that none went missing.</summary>
    public static string LongAmendmentNotes() => string.Join(
        "\n",
        Enumerable.Range(0, 12).Select(paragraph => string.Join(
            " ",
            Enumerable.Range(paragraph * 10 + 1, 10).Select(AmendmentSentence))));

    public static string AmendmentMarker(int number) => $"note-{number:000}";

    private static AgreementParty PartnerNumbered(int number) =>
        new(PartnerName(number), "UG", $"UG-NGO-{number:0000}", 250_000m);

    private static string AmendmentSentence(int number) =>
        $"Amendment {AmendmentMarker(number)}: at the consortium's request the reporting date was moved and the allocation between partners was adjusted, at no additional cost to the Funder.";
}
