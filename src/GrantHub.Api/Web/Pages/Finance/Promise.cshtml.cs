using System.Globalization;
using GrantHub.Api.Features.Finance;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Finance;

/// <summary>One bar of a chart: its group (a month, a fund), its series (0 or 1) and its value.</summary>
public record ChartBar(int Group, int Series, double Value, double X, double Y, double Width, double Height, string Label);

/// <summary>
/// A grouped bar chart drawn by the server as SVG coordinates (no script): two series per group, an optional reference
/// line (the promise). The same figures are in the table beside it, which is what screen readers read.
/// </summary>
public sealed class BarChart
{
    public const double Width = 640;
    public const double Height = 240;
    public const double Left = 40;
    public const double Bottom = 40;
    public const double Top = 10;

    public BarChart(string id, string title, IReadOnlyList<string> groups, IReadOnlyList<string> series, IReadOnlyList<double?[]> values, double? reference)
    {
        Id = id;
        Title = title;
        Groups = groups;
        Series = series;
        Reference = reference;
        Max = Math.Max(1, Math.Max(reference ?? 0, values.SelectMany(v => v).Select(v => v ?? 0).DefaultIfEmpty(0).Max()) * 1.1);
        var slot = (Width - Left) / Math.Max(1, groups.Count);
        var barWidth = slot * 0.8 / series.Count;
        Bars =
        [
            .. values.SelectMany((groupValues, group) => groupValues.Select((value, index) =>
            {
                var height = (value ?? 0) / Max * (Height - Top - Bottom);
                return new ChartBar(
                    group, index, value ?? 0, Left + (group * slot) + (slot * 0.1) + (index * barWidth), Height - Bottom - height, barWidth, height,
                    $"{groups[group]}, {series[index]}: {(value is { } v ? v.ToString("0.#", CultureInfo.CurrentCulture) : "—")}");
            })),
        ];
        LabelEvery = Math.Max(1, (int)Math.Ceiling(groups.Count / 12.0));
    }

    public string Id { get; }
    public string Title { get; }
    public IReadOnlyList<string> Groups { get; }
    public IReadOnlyList<string> Series { get; }
    public double? Reference { get; }
    public double Max { get; }
    public IReadOnlyList<ChartBar> Bars { get; }
    public int LabelEvery { get; }

    public double YOf(double value) => Height - Bottom - (value / Max * (Height - Top - Bottom));

    public double GroupCentre(int group) => Left + (((Width - Left) / Math.Max(1, Groups.Count)) * (group + 0.5));

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>The 72-hour promise: decision times, breaches and escalations by month and by fund, as SVG charts and tables.</summary>
[Authorize(Policy = Policies.AdminOrFinance)]
public sealed class PromiseModel : WebPage
{
    public PromiseDashboardResponse Dashboard { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public BarChart TimesByMonth { get; private set; } = null!;

    public BarChart BreachesByMonth { get; private set; } = null!;

    public BarChart TimesByFund { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = HttpContext.RequestServices.GetRequiredService<TimeProvider>().UtcToday();
        To ??= today;
        From ??= new DateOnly(To.Value.Year, To.Value.Month, 1).AddMonths(-11);
        if (To < From)
        {
            (From, To) = (To, From);
        }

        Dashboard = await Mediator.Send(new GetPromiseDashboardQuery(From, To), cancellationToken);
        string[] times = [Text["Promise.Median"], Text["Promise.P90"]];
        TimesByMonth = new BarChart(
            "chart-times-month", Text["Promise.TimesByMonth"], [.. Dashboard.ByMonth.Select(m => m.Label)], times,
            [.. Dashboard.ByMonth.Select(m => new[] { m.MedianHours, m.Percentile90Hours })], Dashboard.PromiseHours);
        BreachesByMonth = new BarChart(
            "chart-breaches-month", Text["Promise.BreachesByMonth"], [.. Dashboard.ByMonth.Select(m => m.Label)], [Text["Promise.Breaches"], Text["Promise.Escalations"]],
            [.. Dashboard.ByMonth.Select(m => new double?[] { m.Breaches, m.Escalations })], null);
        TimesByFund = new BarChart(
            "chart-times-fund", Text["Promise.TimesByFund"], [.. Dashboard.ByFund.Select(f => f.Label)], times,
            [.. Dashboard.ByFund.Select(f => new[] { f.MedianHours, f.Percentile90Hours })], Dashboard.PromiseHours);
    }
}
