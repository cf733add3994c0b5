using FluentValidation;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Portfolio;

/// <summary>
/// The portfolio of awarded grants, optionally of one fund or call, awarded within a period (dates in UTC, both
/// inclusive), and narrowed to one pillar or one country of the work so that a figure can be followed down.
/// </summary>
public record GetPortfolioQuery(
    Guid? FundId = null,
    Guid? CallId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    Pillar? Pillar = null,
    string? Country = null) : IQuery<PortfolioResponse>;

/// <summary>One bar of a breakdown: how many grants and how much money (in the section's currency).</summary>
public record PortfolioFigure(string Key, int Grants, decimal Amount);

/// <summary>
/// The figures of one currency (funds in different currencies are never added up). A grant working for several
/// pillars, countries or target groups counts under each of them, so those breakdowns may add up to more than the total;
/// women-led, first-time grantee and year each count a grant once. Every grant is counted, those of sensitive
/// organisations included, and no figure names an organisation.
/// </summary>
public record PortfolioCurrencySection(
    string Currency,
    int Grants,
    decimal Amount,
    IReadOnlyList<PortfolioFigure> ByPillar,
    IReadOnlyList<PortfolioFigure> ByCountry,
    IReadOnlyList<PortfolioFigure> ByTargetGroup,
    IReadOnlyList<PortfolioFigure> ByWomenLed,
    IReadOnlyList<PortfolioFigure> ByFirstTimeGrantee,
    IReadOnlyList<PortfolioFigure> ByYear);

public record PortfolioResponse(IReadOnlyList<PortfolioCurrencySection> Sections);

public sealed class GetPortfolioValidator : AbstractValidator<GetPortfolioQuery>
{
    public GetPortfolioValidator()
    {
        RuleFor(q => q.Pillar).IsInEnum();
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("The period must end on or after its start.");
        RuleFor(q => q.Country).Matches("^[A-Za-z]{2}$").When(q => !string.IsNullOrEmpty(q.Country))
            .WithMessage("Give a country as its two-letter ISO 3166 code.");
    }
}

/// <summary>
/// Three queries (grants with their applications' markers, lead organisations, every lead's first award) and the
/// grouping in memory. <c>Yes</c>/<c>No</c> are the keys of the women-led and first-time breakdowns; years are the
/// years of the award (the commitment); a first-time grantee is a lead organisation whose first grant ever is this one.
/// </summary>
public sealed class GetPortfolioHandler(GrantHubDbContext db) : IQueryHandler<GetPortfolioQuery, PortfolioResponse>
{
    public const string Yes = "Yes";
    public const string No = "No";

    public async ValueTask<PortfolioResponse> Handle(GetPortfolioQuery query, CancellationToken cancellationToken)
    {
        var from = query.From is { } start ? new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        var until = query.To is { } end ? new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        var grants = await db.Grants.AsNoTracking()
            .Where(g => query.FundId == null || g.FundId == query.FundId)
            .Where(g => query.CallId == null || g.CallId == query.CallId)
            .Where(g => from == null || g.AwardedAt >= from)
            .Where(g => until == null || g.AwardedAt < until)
            .Join(db.Applications, g => g.ApplicationId, a => a.Id, (g, a) => new
            {
                g.Id, g.LeadOrganisationId, g.Amount, g.AwardedAt, a.Pillars, a.Countries, a.TargetGroups,
            })
            .ToListAsync(cancellationToken);
        var country = query.Country?.ToUpperInvariant();
        grants = [.. grants.Where(g => (query.Pillar == null || g.Pillars.Contains(query.Pillar.Value)) && (country == null || g.Countries.Contains(country)))];

        var leadIds = grants.Select(g => g.LeadOrganisationId).Distinct().ToList();
        var womenLed = await db.Organisations.AsNoTracking()
            .Where(o => leadIds.Contains(o.Id))
            .Select(o => new { o.Id, o.WomenLed })
            .ToDictionaryAsync(o => o.Id, o => o.WomenLed, cancellationToken);
        var firstGrants = (await db.Grants.AsNoTracking()
                .Where(g => leadIds.Contains(g.LeadOrganisationId))
                .Select(g => new { g.Id, g.LeadOrganisationId, g.AwardedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(g => g.LeadOrganisationId)
            .Select(group => group.OrderBy(g => g.AwardedAt).ThenBy(g => g.Id).First().Id)
            .ToHashSet();

        var sections = grants
            .GroupBy(g => g.Amount.Currency)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group =>
            {
                var rows = group.ToList();
                return new PortfolioCurrencySection(
                    group.Key,
                    rows.Count,
                    Money.Sum(rows.Select(g => g.Amount), group.Key).Amount,
                    Figures(rows.SelectMany(g => g.Pillars.Distinct().Select(p => (p.ToString(), g.Amount)))),
                    Figures(rows.SelectMany(g => g.Countries.Distinct().Select(c => (c, g.Amount)))),
                    Figures(rows.SelectMany(g => g.TargetGroups.Distinct().Select(t => (t.ToString(), g.Amount)))),
                    Figures(rows.Select(g => (womenLed.GetValueOrDefault(g.LeadOrganisationId) ? Yes : No, g.Amount))),
                    Figures(rows.Select(g => (firstGrants.Contains(g.Id) ? Yes : No, g.Amount))),
                    [.. Figures(rows.Select(g => (g.AwardedAt.UtcDateTime.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Amount))).OrderBy(f => f.Key, StringComparer.Ordinal)]);
            })
            .ToList();
        return new PortfolioResponse(sections);
    }

    /// <summary>Largest amount first, then by key.</summary>
    private static List<PortfolioFigure> Figures(IEnumerable<(string Key, Money Amount)> entries) =>
        [
            .. entries.GroupBy(e => e.Key)
                .Select(group => new PortfolioFigure(group.Key, group.Count(), group.Sum(e => e.Amount.Amount)))
                .OrderByDescending(f => f.Amount).ThenBy(f => f.Key, StringComparer.Ordinal),
        ];
}
