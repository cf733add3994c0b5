using System.Text.Json.Nodes;

namespace GrantHub.Tests.OpenData;

/// <summary>The validators are wired right: the standards' own examples pass and their counter-examples fail.</summary>
public class OfficialSchemaTests
{
    public static TheoryData<string> IatiShouldPass => Files("should-pass", SearchOption.AllDirectories);

    public static TheoryData<string> IatiShouldFail => Files("should-fail", SearchOption.TopDirectoryOnly);

    [Fact]
    public void Every_file_of_the_schema_repository_is_tested()
    {
        Assert.Equal(58, IatiShouldPass.Count);
        Assert.Equal(15, IatiShouldFail.Count);
    }

    [Theory]
    [MemberData(nameof(IatiShouldPass))]
    public void Iati_schema_accepts_the_schema_repositorys_should_pass_file(string file) =>
        Assert.Empty(OfficialSchemas.ValidateIati(File.OpenRead(Path.Combine(OfficialSchemas.Folder, file))));

    [Theory]
    [MemberData(nameof(IatiShouldFail))]
    public void Iati_schema_rejects_the_schema_repositorys_should_fail_file(string file) =>
        Assert.NotEmpty(OfficialSchemas.ValidateIati(File.OpenRead(Path.Combine(OfficialSchemas.Folder, file))));

    [Fact]
    public void ThreeSixtyGiving_schema_accepts_a_minimal_grant_package_with_plain_dates() =>
        Assert.Empty(OfficialSchemas.Validate360Giving(MinimalPackage().ToJsonString()));

    [Fact]
    public void ThreeSixtyGiving_schema_checks_the_grant_through_the_registered_grant_schema()
    {
        var package = MinimalPackage();
        package["grants"]![0]!.AsObject().Remove("recipientOrganization");
        Assert.NotEmpty(OfficialSchemas.Validate360Giving(package.ToJsonString()));
    }

    [Fact]
    public void ThreeSixtyGiving_schema_asserts_formats()
    {
        var package = MinimalPackage();
        package["license"] = "not a uri";
        Assert.NotEmpty(OfficialSchemas.Validate360Giving(package.ToJsonString()));
    }

    [Fact]
    public void ThreeSixtyGiving_schema_rejects_a_malformed_award_date()
    {
        var package = MinimalPackage();
        package["grants"]![0]!["awardDate"] = "2026-13-01";
        Assert.NotEmpty(OfficialSchemas.Validate360Giving(package.ToJsonString()));
    }

    [Fact]
    public void ThreeSixtyGiving_schema_rejects_an_empty_package() =>
        Assert.NotEmpty(OfficialSchemas.Validate360Giving("""{"grants":[]}"""));

    private static JsonObject MinimalPackage() => JsonNode.Parse("""
        {
          "version": "1.4",
          "license": "https://creativecommons.org/licenses/by/4.0/",
          "grants": [{
            "id": "360G-example-1",
            "title": "A grant",
            "description": "Core support.",
            "currency": "EUR",
            "amountAwarded": 1000,
            "awardDate": "2026-03-02",
            "recipientOrganization": [{ "id": "360G-example-org-1", "name": "A collective" }],
            "fundingOrganization": [{ "id": "XI-IATI-EXAMPLE", "name": "A funder" }]
          }]
        }
        """)!.AsObject();

    private static TheoryData<string> Files(string folder, SearchOption search) =>
        [.. Directory.GetFiles(Path.Combine(OfficialSchemas.Folder, "iati-2.03", "tests", folder), "*.xml", search)
            .Select(path => Path.GetRelativePath(OfficialSchemas.Folder, path)).Order()];
}
