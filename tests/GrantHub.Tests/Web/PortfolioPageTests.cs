using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GrantHub.Api.Features.Portfolio;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Portfolio;

namespace GrantHub.Tests.Web;

/// <summary>The portfolio page: each chart draws the query's figures, the table beside holds them too, the CSV as well.</summary>
public partial class PortfolioPageTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Every_bar_carries_the_query_s_figure_and_no_organisation_is_named()
    {
        var (fundId, nepal, _) = await factory.TwoAwards();
        var expected = Assert.Single((await (await (await factory.Officer()).GetAsync($"/api/portfolio?fundId={fundId}")).ReadAs<PortfolioResponse>()).Sections);
        var session = await WebSession.SignedIn(factory, "officer@granthub.local", language: "fr");

        var html = await session.Read($"/portfolio?FundId={fundId}");

        foreach (var (chart, figures) in new[] { ("pillar", expected.ByPillar), ("country", expected.ByCountry), ("year", expected.ByYear) })
        {
            var bars = Bar().Matches(Chart(html, $"chart-{chart}-EUR")).ToDictionary(m => m.Groups["key"].Value, m => decimal.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
            Assert.Equal(figures.ToDictionary(f => f.Key, f => f.Amount), bars);
        }

        Assert.Contains("Participation", WebSession.TextOf(html, "table-pillar-EUR"));
        Assert.Contains(90_000m.ToString("N2", new CultureInfo("fr")) + " EUR", WebSession.TextOf(html, "table-pillar-EUR"));
        Assert.DoesNotContain(WebUtility.HtmlEncode(nepal.Lead.Organisation.Name), html);
    }

    [Fact]
    public async Task A_table_downloads_as_csv_with_a_byte_order_mark_a_header_and_the_same_figures()
    {
        var (fundId, _, _) = await factory.TwoAwards();
        var session = await WebSession.SignedIn(factory, "officer@granthub.local");

        var csv = await session.Client.GetAsync($"/portfolio?FundId={fundId}&handler=Csv&table=country");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(
            ["Category,Grants,Amount,Currency", "Burundi,1,90000,EUR", "Nepal,1,90000,EUR", "Colombia,1,60000,EUR"],
            Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Reviewers_and_applicants_do_not_see_the_portfolio()
    {
        await (await WebSession.SignedIn(factory, "reviewer@granthub.local")).Forbidden("/portfolio");
        await (await WebSession.SignedIn(factory, "lead@granthub.local")).Forbidden("/portfolio");
        Assert.DoesNotContain("href=\"/portfolio\"", await (await WebSession.SignedIn(factory, "lead@granthub.local")).Read("/home"));
    }

    private static string Chart(string html, string id)
    {
        var start = html.IndexOf($"<svg id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No chart {id}.");
        return html[start..html.IndexOf("</svg>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<rect [^>]*data-key=\"(?<key>[^\"]+)\" data-value=\"(?<value>[0-9.]+)\"")]
    private static partial Regex Bar();
}
