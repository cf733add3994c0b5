using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using GrantHub.Api.Features.OpenData;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.OpenData;

public class PublishOpenDataTests(PublicOpenDataPortfolioFixture fixture) : IClassFixture<PublicOpenDataPortfolioFixture>
{
    [Fact]
    public async Task Published_files_are_served_anonymously_with_their_hash_as_ETag_and_validate()
    {
        var manifest = await (await (await fixture.Factory.Admin()).PostJson("/api/open-data/publish")).ReadAs<PublishedOpenDataResponse>();
        Assert.Equal(["360giving.json", "360giving.csv", "iati.xml"], manifest.Files.Select(f => f.FileName));
        Assert.All(manifest.Files, f => Assert.Equal(5, f.Grants));

        var anonymous = fixture.Factory.CreateClient();
        foreach (var file in manifest.Files)
        {
            var response = await anonymous.GetAsync($"/open-data/{file.FileName}");
            await response.ShouldBe(HttpStatusCode.OK);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal($"\"{file.Sha256}\"", response.Headers.ETag?.Tag);
            Assert.True(response.Headers.CacheControl?.Public);

            var again = new HttpRequestMessage(HttpMethod.Get, $"/open-data/{file.FileName}");
            again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{file.Sha256}\""));
            Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);
        }

        var json = await anonymous.GetByteArrayAsync("/open-data/360giving.json");
        Assert.Empty(OfficialSchemas.Validate360Giving(Encoding.UTF8.GetString(json)));
        Assert.Empty(OfficialSchemas.ValidateIati(await anonymous.GetByteArrayAsync("/open-data/iati.xml")));
        foreach (var sensitive in fixture.Portfolio.Sensitive)
        {
            Assert.DoesNotContain(sensitive.Name, Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Only_the_three_files_are_served() =>
        await (await fixture.Factory.CreateClient().GetAsync("/open-data/manifest.json")).ShouldBe(HttpStatusCode.NotFound);
}

public class SensitiveLocationOmittedTests(OmittedLocationsPortfolioFixture fixture) : IClassFixture<OmittedLocationsPortfolioFixture>
{
    [Fact]
    public async Task Sensitive_organisations_have_no_location_at_all_when_configured_to_omit_it()
    {
        var json = Encoding.UTF8.GetString(await OpenDataFactory.Export(fixture.Factory.Services, OpenDataFormat.ThreeSixtyGivingJson));
        var xml = await OpenDataFactory.Export(fixture.Factory.Services, OpenDataFormat.IatiXml);

        Assert.Empty(OfficialSchemas.Validate360Giving(json));
        Assert.Empty(OfficialSchemas.ValidateIati(xml));
        Assert.DoesNotContain("Sub-Saharan Africa", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"BI\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("recipient-region", Encoding.UTF8.GetString(xml), StringComparison.Ordinal);
    }
}
