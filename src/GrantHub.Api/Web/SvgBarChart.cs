using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace GrantHub.Api.Web;

/// <summary>One bar: its label, the value that sets its length, and the value as people read it.</summary>
public record ChartBar(string Key, string Label, decimal Value, string ValueText);

/// <summary>
/// A horizontal bar chart drawn on the server as inline SVG: no script, no library, scales with the page and prints.
/// The chart is an image with a text alternative; the same figures stand in the table beside it, which is what screen
/// readers and spreadsheets use. Each bar carries its key and exact value (<c>data-key</c>, <c>data-value</c>).
/// </summary>
public static class SvgBarChart
{
    private const int Width = 640;
    private const int LabelWidth = 210;
    private const int ValueWidth = 150;
    private const int RowHeight = 28;
    private const int BarHeight = 18;

    public static IHtmlContent Render(string id, string description, IReadOnlyList<ChartBar> bars)
    {
        var html = HtmlEncoder.Default;
        var height = Math.Max(1, bars.Count) * RowHeight + 8;
        var max = bars.Count == 0 ? 0m : bars.Max(b => b.Value);
        var barSpace = Width - LabelWidth - ValueWidth;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-title\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{html.Encode(description)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 4 + i * RowHeight;
            var length = max <= 0 ? 0 : Math.Max(1, (int)Math.Round(barSpace * bar.Value / max, MidpointRounding.AwayFromZero));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 14}\" text-anchor=\"end\">{html.Encode(Shorten(bar.Label))}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{length}\" height=\"{BarHeight}\" data-key=\"{html.Encode(bar.Key)}\" data-value=\"{bar.Value.ToString(CultureInfo.InvariantCulture)}\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 6}\" y=\"{y + 14}\">{html.Encode(bar.ValueText)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Shorten(string label) => label.Length <= 30 ? label : label[..29] + "…";
}
