using System.Net;
using System.Text;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Web;

/// <summary>The staff's list of grants: filtered by status and fund in the address, paged, downloadable as CSV with the same filters.</summary>
public class GrantsPageTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task An_officer_filters_the_grants_by_fund_and_downloads_the_same_rows_as_csv_without_organisation_names()
    {
        var mine = await factory.AwardGrant(amount: 80_000m);
        var other = await factory.AwardGrant(amount: 70_000m);
        var grant = await factory.GetGrant(mine);
        var otherNumber = (await factory.GetGrant(other)).GrantNumber;
        var officer = await WebSession.SignedIn(factory, "officer@granthub.local");

        var page = await officer.Read($"/grants?FundId={mine.Fund.Id}&Status=AwaitingSignature");

        Assert.Contains($"href=\"/grants/{mine.GrantId}\"", page);
        Assert.DoesNotContain(otherNumber, page);
        var csv = await officer.Client.GetAsync($"/grants?handler=Csv&FundId={mine.Fund.Id}&Status=AwaitingSignature");
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType!.ToString());
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Grant number,Fund,Status,Amount,Currency,Start date,End date", lines[0]);
        Assert.Equal(
            $"{grant.GrantNumber},{mine.Fund.Name},AwaitingSignature,80000,{grant.Currency},{grant.StartDate:yyyy-MM-dd},{grant.EndDate:yyyy-MM-dd}",
            Assert.Single(lines[1..]));
    }

    [Fact]
    public async Task Applicants_and_reviewers_are_refused_the_grants_list()
    {
        foreach (var email in new[] { "lead@granthub.local", "reviewer@granthub.local" })
        {
            var session = await WebSession.SignedIn(factory, email);
            var refused = await session.Client.GetAsync("/grants");
            Assert.Equal("/error/403", refused.Headers.Location!.AbsolutePath);
            Assert.DoesNotContain("href=\"/grants\"", await session.Read("/home"));
        }
    }
}
