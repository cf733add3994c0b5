using GrantHub.Core.Applications;
using GrantHub.Core.Calls;

namespace GrantHub.Api.Features.OpenData;

/// <summary>Where a grant happens or a recipient is: a country, or only its UN M49 region for a sensitive organisation.</summary>
public sealed record PublishedLocation(string? CountryCode, UnM49Region? Region);

/// <summary>
/// A recipient as published: its own identifier and name, or a keyed pseudonym and the neutral name when it is
/// sensitive (then with at most its region).
/// </summary>
public sealed record PublishedOrganisation(string Identifier, string Name, PublishedLocation? Location, bool Withheld);

public sealed record PublishedProgramme(string Code, string Title);

/// <summary>
/// The registered organisation that receives a group's grant and passes it on, with its fee. Published only when neither
/// the group nor any consortium member nor the host is at risk: a named host would point at the group it hosts.
/// </summary>
public sealed record PublishedFiscalHost(PublishedOrganisation Organisation, decimal FeePercent);

public sealed record PublishedPayment(DateOnly Date, long Amount);

public sealed record PublishedBudget(DateOnly Start, DateOnly End, long Amount);

/// <summary>IATI ActivityStatus codes used by the exports.</summary>
public enum PublishedActivityStatus
{
    Implementation = 2,
    Closed = 4,
    Cancelled = 5,
}

/// <summary>
/// One awarded grant exactly as every export publishes it. The safety rules are applied once, when this record is
/// built (<see cref="OpenDataPortfolio"/>): a writer cannot publish what is not in it. Amounts in minor units.
/// </summary>
public sealed record PublishedGrant(
    string Identifier,
    string Title,
    string Description,
    string Currency,
    long Amount,
    DateOnly AwardDate,
    DateOnly? PlannedStart,
    DateOnly? PlannedEnd,
    int? DurationMonths,
    DateOnly? ActualEnd,
    PublishedOrganisation Lead,
    IReadOnlyList<PublishedOrganisation> Partners,
    IReadOnlyList<PublishedProgramme> Programmes,
    IReadOnlyList<PublishedLocation> BeneficiaryLocations,
    IReadOnlyList<Pillar> Pillars,
    IReadOnlyList<TargetGroup> TargetGroups,
    PublishedActivityStatus Status,
    bool Emergency,
    bool Protected,
    IReadOnlyList<PublishedBudget> Budgets,
    IReadOnlyList<PublishedPayment> Disbursements,
    PublishedFiscalHost? FiscalHost = null)
{
    public IEnumerable<PublishedOrganisation> Recipients => Partners.Prepend(Lead);

    public long AmountDisbursed => Disbursements.Sum(d => d.Amount);
}
