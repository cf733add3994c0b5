using System.Net;
using GrantHub.Tests.Web;

namespace GrantHub.Tests.OpenData;

/// <summary>The staff page of the web application: downloads through the same exports as the API, publishing by admins only.</summary>
public class OpenDataPageTests(PublicOpenDataPortfolioFixture fixture) : IClassFixture<PublicOpenDataPortfolioFixture>
{
    [Fact]
    public async Task An_officer_downloads_each_export_in_either_language_from_the_page_but_is_offered_no_publishing()
    {
        var officer = await WebSession.SignedIn(fixture.Factory, "officer@granthub.local");

        var page = await officer.Read("/open-data");

        foreach (var file in new[] { "360giving.json", "360giving.csv", "iati.xml" })
        {
            Assert.Contains($"href=\"/api/open-data/{file}?lang=en\"", page);
            Assert.Contains($"href=\"/api/open-data/{file}?lang=fr\"", page);
        }

        Assert.DoesNotContain("handler=Publish", page);
        var csv = await officer.Client.GetAsync("/api/open-data/360giving.csv?lang=fr");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Identifier,", await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_admin_publishes_from_the_page_and_the_public_address_then_serves_the_files()
    {
        var admin = await WebSession.SignedIn(fixture.Factory, "admin@granthub.local");
        await admin.Read("/open-data");

        var published = await admin.Post("/open-data?handler=Publish");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("The open-data files are published.", await admin.Read("/open-data"));
        var iati = await fixture.Factory.CreateClient().GetAsync("/open-data/iati.xml");
        Assert.Equal(HttpStatusCode.OK, iati.StatusCode);
    }

    [Fact]
    public async Task An_applicant_cannot_open_the_page()
    {
        var lead = await WebSession.SignedIn(fixture.Factory, "lead@granthub.local");

        var response = await lead.Client.GetAsync("/open-data");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location?.PathAndQuery);
    }
}
