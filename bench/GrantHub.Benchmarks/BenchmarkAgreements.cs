using GrantHub.Agreements;

namespace GrantHub.Benchmarks;

internal static class BenchmarkAgreements
{
    public static AgreementDocument ThreePartnerGrant() => new()
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
            new AgreementParty("Fédération des Femmes pour la Paix", "CD", "RDC/ASBL/0931", 300_000m),
            new AgreementParty("Ассоциация женщин за мир", "KG", "KG-ОО-2211", 250_000m),
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
        Version = 1,
        GeneratedAt = new DateTimeOffset(2026, 2, 20, 9, 30, 0, TimeSpan.Zero),
    };

    public static AgreementDocument TwelvePartnerGrantWithAmendments() => ThreePartnerGrant() with
    {
        GrantNumber = "GH-2026-0107",
        TotalAmount = 3_900_000m,
        Lead = new AgreementParty("Women's Peace Network", "KE", "NGO/2015/1234", 900_000m),
        Partners = Enumerable.Range(1, 12)
            .Select(number => new AgreementParty($"Women Defenders Collective {number:00}", "UG", $"UG-NGO-{number:0000}", 250_000m))
            .ToList(),
        AmendmentNotes = string.Join("\n", Enumerable.Range(1, 12).Select(paragraph => string.Join(" ", Enumerable.Repeat(
            "At the consortium's request the reporting date was moved and the allocation between partners was adjusted, at no additional cost to the Funder.",
            10)))),
    };
}
