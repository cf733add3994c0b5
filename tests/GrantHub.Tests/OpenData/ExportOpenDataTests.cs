using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrantHub.Api.Features.OpenData;
using GrantHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace GrantHub.Tests.OpenData;

public class ExportOpenDataTests(DefaultPortfolioFixture fixture) : IClassFixture<DefaultPortfolioFixture>
{
    private OpenDataFactory Factory => fixture.Factory;

    private OpenDataPortfolioScenario Portfolio => fixture.Portfolio;

    public static TheoryData<string> Languages => ["en", "fr"];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_360Giving_package_validates_against_the_official_package_and_grant_schemas(string language)
    {
        var json = await Download($"/api/open-data/360giving.json?lang={language}");

        Assert.Empty(OfficialSchemas.Validate360Giving(Encoding.UTF8.GetString(json)));
        using var package = JsonDocument.Parse(json);
        Assert.Equal(5, package.RootElement.GetProperty("grants").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_IATI_file_validates_against_the_official_activities_schema(string language)
    {
        var xml = await Download($"/api/open-data/iati.xml?lang={language}");

        Assert.Empty(OfficialSchemas.ValidateIati(xml));
        Assert.Equal(5, ExportedFiles.Iati(xml).Root!.Elements("iati-activity").Count());
    }

    [Fact]
    public async Task The_CSV_uses_the_standards_column_titles_with_one_row_per_grant()
    {
        var records = ExportedFiles.CsvRecords(await Download("/api/open-data/360giving.csv"));

        Assert.Equal(5, records.Count);
        var named = records.Single(r => r["Recipient Org:0:Name"] == Portfolio.NamedLeadName && r["Title"] == "Village peace committees");
        Assert.Equal("90000", named["Amount Awarded"]);
        Assert.Equal(Portfolio.NamedPartnerName, named["Recipient Org:1:Name"]);
        Assert.Equal("NP", named["Beneficiary Location:0:Country Code"]);
        Assert.Equal("2026-03-02", named["Award Date"]);
        Assert.Equal("36", named["Planned Dates:0:Duration (months)"]);
        Assert.Equal("Village peace committees", named["Title"]);
    }

    [Fact]
    public async Task Sensitive_organisations_appear_nowhere_in_any_export_in_any_language()
    {
        foreach (var url in new[] { "/api/open-data/360giving.json", "/api/open-data/360giving.csv", "/api/open-data/iati.xml" })
        {
            foreach (var language in new[] { "en", "fr" })
            {
                var text = Encoding.UTF8.GetString(await Download($"{url}?lang={language}"));
                foreach (var sensitive in Portfolio.Sensitive)
                {
                    string[] forbidden =
                    [
                        sensitive.Name, sensitive.Id.ToString(), sensitive.Id.ToString("N"), sensitive.RegistrationNumber, sensitive.CountryName,
                        .. sensitive.Texts, .. sensitive.UniqueAmounts,
                    ];
                    Assert.All(forbidden, value => Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase));
                    Assert.DoesNotMatch(new Regex($"(?<![A-Za-z]){sensitive.Country}(?![A-Za-z])"), text);
                }

                Assert.Contains(language == "fr" ? OpenDataTexts.French.WithheldRecipientName : OpenDataTexts.English.WithheldRecipientName, text);
            }
        }
    }

    [Fact]
    public async Task A_consortium_names_its_other_members_and_keeps_its_sensitive_partner_pseudonymous()
    {
        using var package = JsonDocument.Parse(await Download("/api/open-data/360giving.json"));
        var grant = Grants(package).Single(g => Recipients(g)[0].GetProperty("name").GetString() == Portfolio.ConsortiumLeadName);

        var partner = Recipients(grant)[1];
        Assert.Equal(OpenDataTexts.English.WithheldRecipientName, partner.GetProperty("name").GetString());
        Assert.StartsWith("360G-granthub-ANON-", partner.GetProperty("id").GetString());
        Assert.Equal("Sub-Saharan Africa", partner.GetProperty("location")[0].GetProperty("name").GetString());
        Assert.Equal("202", partner.GetProperty("location")[0].GetProperty("geoCode").GetString());
        Assert.Equal("CO", Recipients(grant)[0].GetProperty("location")[0].GetProperty("countryCode").GetString());
        Assert.Equal(OpenDataTexts.English.WithheldGrantTitle, grant.GetProperty("title").GetString());
        Assert.False(grant.TryGetProperty("grantProgramme", out _));
        Assert.Equal(["419", "202"], grant.GetProperty("beneficiaryLocation").EnumerateArray().Select(l => l.GetProperty("geoCode").GetString()));
    }

    [Fact]
    public async Task Grants_involving_a_sensitive_organisation_have_rounded_amounts_and_month_dates()
    {
        using var package = JsonDocument.Parse(await Download("/api/open-data/360giving.json"));
        var led = Grants(package).Single(g => g.GetProperty("title").GetString() == OpenDataTexts.English.WithheldGrantTitle
            && Recipients(g)[0].GetProperty("name").GetString() == OpenDataTexts.English.WithheldRecipientName);

        Assert.Equal(123_000m, led.GetProperty("amountAwarded").GetDecimal());
        Assert.Equal(41_000m, led.GetProperty("amountDisbursed").GetDecimal());
        Assert.Equal("2026-03-01", led.GetProperty("awardDate").GetString());
        Assert.Equal("2026-03-01", led.GetProperty("plannedDates")[0].GetProperty("startDate").GetString());
        Assert.Equal("2029-03-01", led.GetProperty("plannedDates")[0].GetProperty("endDate").GetString());
        Assert.Equal(Portfolio.NamedPartnerName, Recipients(led)[1].GetProperty("name").GetString());

        var emergency = Grants(package).Single(g => g.GetProperty("title").GetString() == OpenDataTexts.English.WithheldEmergencyTitle
            && Recipients(g)[0].GetProperty("name").GetString() == OpenDataTexts.English.WithheldRecipientName);
        Assert.Equal(3_000m, emergency.GetProperty("amountAwarded").GetDecimal());
        Assert.StartsWith("360G-granthub-ANON-E-", emergency.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Pseudonyms_are_stable_across_exports_and_formats()
    {
        var first = Pseudonyms(await Download("/api/open-data/360giving.json"));
        var second = Pseudonyms(await Download("/api/open-data/360giving.json?lang=fr"));
        var iati = Pseudonyms(await Download("/api/open-data/iati.xml"));
        var csv = Pseudonyms(await Download("/api/open-data/360giving.csv"));

        // Two sensitive organisations, the grant one leads, the consortium the other belongs to, one emergency grant.
        Assert.Equal(5, first.Count);
        Assert.Equal(first, second);
        Assert.Equal(first, iati);
        Assert.Equal(first, csv);
    }

    [Fact]
    public async Task Pseudonyms_differ_under_another_deployment_secret()
    {
        var mine = Pseudonyms(await OpenDataFactory.Export(Factory.Services, OpenDataFormat.ThreeSixtyGivingJson));
        using var otherDeployment = Factory.WithWebHostBuilder(builder =>
            builder.UseSetting("OpenData:PseudonymSecret", "another-deployment-secret-9876543210-zyxw"));
        var theirs = Pseudonyms(await OpenDataFactory.Export(otherDeployment.Services, OpenDataFormat.ThreeSixtyGivingJson));

        Assert.Equal(mine.Count, theirs.Count);
        Assert.Empty(mine.Intersect(theirs));
    }

    [Fact]
    public async Task Iati_activities_carry_the_sectors_aid_type_policy_marker_and_transactions()
    {
        var iati = ExportedFiles.Iati(await Download("/api/open-data/iati.xml"));
        var activity = iati.Root!.Elements("iati-activity")
            .Single(a => a.Elements("participating-org").Any(o => o.Element("narrative")?.Value == Portfolio.NamedLeadName)
                && a.Element("title")!.Element("narrative")!.Value == "Village peace committees");

        Assert.Equal("XI-IATI-GRANTHUB", activity.Element("reporting-org")!.Attribute("ref")!.Value);
        Assert.Equal(["15170", "15180"], activity.Elements("sector").Select(s => s.Attribute("code")!.Value));
        Assert.Equal("B01", activity.Element("default-aid-type")!.Attribute("code")!.Value);
        Assert.Equal("2", activity.Element("policy-marker")!.Attribute("significance")!.Value);
        Assert.Equal("2", activity.Element("activity-status")!.Attribute("code")!.Value);
        Assert.Equal(["2", "3"], activity.Elements("transaction").Select(t => t.Element("transaction-type")!.Attribute("code")!.Value));
        Assert.Equal("90000", activity.Elements("transaction").First().Element("value")!.Value);
        Assert.Equal(3, activity.Elements("budget").Count());
        Assert.Equal(3, activity.Elements("participating-org").Count());
    }

    private async Task<byte[]> Download(string url)
    {
        var officer = await Factory.Officer();
        var response = await officer.GetAsync(url);
        await response.ShouldBe(System.Net.HttpStatusCode.OK);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static IEnumerable<JsonElement> Grants(JsonDocument package) => package.RootElement.GetProperty("grants").EnumerateArray();

    private static JsonElement[] Recipients(JsonElement grant) => [.. grant.GetProperty("recipientOrganization").EnumerateArray()];

    private static SortedSet<string> Pseudonyms(byte[] file) =>
        new(Regex.Matches(Encoding.UTF8.GetString(file), @"360G-granthub-ANON-[A-Z-]*[0-9a-f]{30}").Select(m => m.Value), StringComparer.Ordinal);
}
