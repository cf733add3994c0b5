using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Officer;

/// <summary>
/// A call's applications as a dense table for officers: filters in the address (so a filtered view can be bookmarked
/// and works without JavaScript), sortable by score and amount, paged, and downloadable as CSV with the same filters.
/// </summary>
[Authorize(Policy = Policies.AdminOrProgrammeOfficer)]
public sealed class CallApplicationsModel : WebPage
{
    public const int PageSize = 25;

    public CallResponse Call { get; private set; } = null!;
    public PagedResponse<CallApplicationRow> Rows { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public ApplicationStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public Pillar? Pillar { get; set; }
    [BindProperty(SupportsGet = true)] public TargetGroup? TargetGroup { get; set; }
    [BindProperty(SupportsGet = true)] public bool? WomenLed { get; set; }
    [BindProperty(SupportsGet = true)] public ApplicationTableSort Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public int PageCount => Math.Max(1, (Rows.TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Call = await Mediator.Send(new GetCallQuery(id), cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Paging.MaxPage);
        if (Country is { Length: > 0 } country && !Call.EligibleCountries.Contains(country.ToUpperInvariant()))
        {
            ModelState.AddModelError(nameof(Country), Text["Officer.UnknownCountry"]);
            Country = null;
        }

        Rows = await Mediator.Send(Query(id, PageNumber, PageSize), cancellationToken);
    }

    /// <summary>Every row the filters select (not only the page shown), with the lead of an at-risk organisation unnamed: a file leaves GrantHub.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken cancellationToken)
    {
        Call = await Mediator.Send(new GetCallQuery(id), cancellationToken);
        if (Country is { Length: > 0 } country && !Call.EligibleCountries.Contains(country.ToUpperInvariant()))
        {
            Country = null;
        }

        var rows = new List<CallApplicationRow>();
        for (var page = 1; ; page++)
        {
            var batch = await Mediator.Send(Query(id, page, Paging.MaxPageSize), cancellationToken);
            rows.AddRange(batch.Items);
            if (rows.Count >= batch.TotalCount || batch.Items.Count == 0)
            {
                break;
            }
        }

        return CsvDownload.File(
            $"applications-{id}.csv",
            [
                Text["Csv.ApplicationId"], Text["Csv.Title"], Text["Csv.LeadOrganisation"], Text["Csv.LeadCountry"], Text["Csv.WomenLed"],
                Text["Csv.Countries"], Text["Csv.Pillars"], Text["Csv.TargetGroups"], Text["Csv.Status"], Text["Csv.RequestedTotal"],
                Text["Csv.Currency"], Text["Csv.Score"], Text["Csv.Reviews"], Text["Csv.SubmittedAt"],
            ],
            rows.Select(r => (IReadOnlyList<object?>)
            [
                r.ApplicationId, r.Title, WebText.OrganisationName(Text, r.LeadOrganisationName), r.LeadCountry,
                r.WomenLed ? Text["Csv.Yes"].Value : Text["Csv.No"].Value, string.Join(' ', r.Countries), string.Join(' ', r.Pillars),
                string.Join(' ', r.TargetGroups), r.Status.ToString(), r.RequestedTotal, r.Currency, r.Score?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), r.ReviewCount,
                r.SubmittedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ]));
    }

    /// <summary>The address of this table with one setting changed (sorting or paging keeps every filter).</summary>
    public string Link(ApplicationTableSort? sort = null, int? page = null, string? handler = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["Status"] = Status?.ToString(),
            ["Country"] = Country,
            ["Pillar"] = Pillar?.ToString(),
            ["TargetGroup"] = TargetGroup?.ToString(),
            ["WomenLed"] = WomenLed?.ToString().ToLowerInvariant(),
            ["Sort"] = (sort ?? Sort) == ApplicationTableSort.Newest ? null : (sort ?? Sort).ToString(),
            ["page"] = (page ?? PageNumber) == 1 || handler is not null ? null : (page ?? PageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["handler"] = handler,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/calls/{Call.Id}/applications", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    private ListCallApplicationsQuery Query(Guid id, int page, int pageSize) =>
        new(id, Status, string.IsNullOrWhiteSpace(Country) ? null : Country, Pillar, TargetGroup, WomenLed, Sort, page, pageSize);
}
