using System.Globalization;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Funds;
using GrantHub.Api.Features.Portfolio;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Funds;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Portfolio;

/// <summary>One breakdown of the portfolio as the page shows it: heading, bars with localised labels, and its CSV name.</summary>
public record PortfolioBreakdown(string Id, string Heading, IReadOnlyList<ChartBar> Bars, string? FilterName);

/// <summary>
/// The portfolio for officers and admins: for each currency, grants and amounts by pillar, country, target group,
/// women-led lead, first-time grantee and year, each an SVG chart beside a table of the same figures and a CSV of that
/// table. Filters by fund, call and period (this calendar year at first); a pillar or a country in a table narrows
/// every figure to it. Organisations are never named: sensitive ones are counted like every other.
/// </summary>
[Authorize(Policy = Policies.AdminOrProgrammeOfficer)]
public sealed class IndexModel(TimeProvider clock) : WebPage
{
    public IReadOnlyList<FundResponse> Funds { get; private set; } = [];
    public IReadOnlyList<CallResponse> Calls { get; private set; } = [];
    public PortfolioResponse Portfolio { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public Guid? FundId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? CallId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public Pillar? Pillar { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Funds = (await Mediator.Send(new ListFundsQuery(PageSize: 100, Kind: FundKind.CoreFunding), cancellationToken)).Items;
        Calls = (await Mediator.Send(new ListCallsQuery(PageSize: 100), cancellationToken)).Items;
        Portfolio = await Mediator.Send(Query(), cancellationToken);
    }

    /// <summary>One breakdown's table as CSV (UTF-8 with a byte-order mark, header row), with the page's filters.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string table, CancellationToken cancellationToken)
    {
        Portfolio = await Mediator.Send(Query(), cancellationToken);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var section in Portfolio.Sections)
        {
            var breakdown = Breakdowns(section).FirstOrDefault(b => b.Id == table);
            if (breakdown is null)
            {
                return NotFound();
            }

            rows.AddRange(breakdown.Bars.Select(bar => (IReadOnlyList<object?>)[bar.Label, Grants(section, breakdown, bar), bar.Value, section.Currency]));
        }

        return CsvDownload.File($"portfolio-{table}.csv", [Text["Portfolio.Category"], Text["Portfolio.Grants"], Text["Portfolio.Amount"], Text["Csv.Currency"]], rows);
    }

    public IReadOnlyList<PortfolioBreakdown> Breakdowns(PortfolioCurrencySection section) =>
    [
        new("pillar", Text["Portfolio.ByPillar"], Bars(section.ByPillar, key => Text["Pillar." + key]), nameof(Pillar)),
        new("country", Text["Portfolio.ByCountry"], Bars(section.ByCountry, WebText.Country), nameof(Country)),
        new("targetGroup", Text["Portfolio.ByTargetGroup"], Bars(section.ByTargetGroup, key => Text["TargetGroup." + key]), null),
        new("womenLed", Text["Portfolio.ByWomenLed"], Bars(section.ByWomenLed, YesNo), null),
        new("firstTime", Text["Portfolio.ByFirstTime"], Bars(section.ByFirstTimeGrantee, YesNo), null),
        new("year", Text["Portfolio.ByYear"], Bars(section.ByYear, key => key), null),
    ];

    public static int Grants(PortfolioCurrencySection section, PortfolioBreakdown breakdown, ChartBar bar) =>
        Figures(section, breakdown.Id).First(f => f.Key == bar.Key).Grants;

    /// <summary>The address of this page with the current filters, one of them changed.</summary>
    public string Link(string? pillar = null, string? country = null, string? handler = null, string? table = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["FundId"] = FundId?.ToString(),
            ["CallId"] = CallId?.ToString(),
            ["From"] = Period().From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["To"] = Period().To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Pillar"] = pillar ?? Pillar?.ToString(),
            ["Country"] = country ?? Country,
            ["handler"] = handler,
            ["table"] = table,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/portfolio", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    /// <summary>The period shown: as chosen, else the current calendar year (UTC).</summary>
    public (DateOnly? From, DateOnly? To) Period()
    {
        if (From is null && To is null)
        {
            var year = clock.GetUtcNow().UtcDateTime.Year;
            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        return (From, To);
    }

    private GetPortfolioQuery Query()
    {
        var (from, to) = Period();
        var country = Country is { Length: 2 } code && code.All(char.IsAsciiLetter) ? code : null;
        Country = country;
        return new GetPortfolioQuery(FundId, CallId, from, to < from ? from : to, Pillar, country);
    }

    private string YesNo(string key) => key == GetPortfolioHandler.Yes ? Text["Csv.Yes"] : Text["Csv.No"];

    private static IReadOnlyList<PortfolioFigure> Figures(PortfolioCurrencySection section, string id) => id switch
    {
        "pillar" => section.ByPillar,
        "country" => section.ByCountry,
        "targetGroup" => section.ByTargetGroup,
        "womenLed" => section.ByWomenLed,
        "firstTime" => section.ByFirstTimeGrantee,
        _ => section.ByYear,
    };

    private static List<ChartBar> Bars(IReadOnlyList<PortfolioFigure> figures, Func<string, string> label) =>
        [.. figures.Select(f => new ChartBar(f.Key, label(f.Key), f.Amount, f.Amount.ToString("N0", CultureInfo.CurrentCulture)))];
}
