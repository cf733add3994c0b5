using GrantHub.Api.Features.Funds;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Grants;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Grants;

/// <summary>
/// Every grant for staff, newest award first, filtered by status and fund in the address (bookmarkable, no
/// JavaScript), paged, and downloadable as CSV with the same filters. Grants are named by their number, never by
/// organisation, so neither the page nor the file can expose an at-risk grantee.
/// </summary>
[Authorize(Policy = Policies.AdminProgrammeOrFinance)]
public sealed class IndexModel : WebPage
{
    public const int PageSize = 25;

    public PagedResponse<GrantRow> Rows { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> FundNames { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty(SupportsGet = true)] public GrantStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? FundId { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public int PageCount => Math.Max(1, (Rows.TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, Paging.MaxPage);
        FundNames = await FundNamesAsync(cancellationToken);
        Rows = await Mediator.Send(new ListGrantRowsQuery(PageNumber, PageSize, Status, FundId), cancellationToken);
    }

    /// <summary>Every grant the filters select, not only the page shown.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var funds = await FundNamesAsync(cancellationToken);
        var rows = new List<GrantRow>();
        for (var page = 1; ; page++)
        {
            var batch = await Mediator.Send(new ListGrantRowsQuery(page, Paging.MaxPageSize, Status, FundId), cancellationToken);
            rows.AddRange(batch.Items);
            if (rows.Count >= batch.TotalCount || batch.Items.Count == 0)
            {
                break;
            }
        }

        return CsvDownload.File(
            "grants.csv",
            [Text["Csv.GrantNumber"], Text["Csv.Fund"], Text["Csv.Status"], Text["Csv.Amount"], Text["Csv.Currency"], Text["Csv.StartDate"], Text["Csv.EndDate"]],
            rows.Select(g => (IReadOnlyList<object?>)
            [
                g.GrantNumber, funds.GetValueOrDefault(g.FundId), g.Status.ToString(), g.Amount, g.Currency,
                g.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                g.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ]));
    }

    public string Link(int? page = null, string? handler = null)
    {
        var query = new List<string>();
        if (handler is not null)
        {
            query.Add("handler=" + handler);
        }

        if (Status is { } status)
        {
            query.Add("Status=" + status);
        }

        if (FundId is { } fundId)
        {
            query.Add("FundId=" + fundId);
        }

        if (page is { } number)
        {
            query.Add("page=" + number);
        }

        return query.Count == 0 ? "/grants" : "/grants?" + string.Join('&', query);
    }

    private async Task<IReadOnlyDictionary<Guid, string>> FundNamesAsync(CancellationToken cancellationToken) =>
        (await Mediator.Send(new ListFundsQuery(1, Paging.MaxPageSize), cancellationToken)).Items.ToDictionary(f => f.Id, f => f.Name);
}
