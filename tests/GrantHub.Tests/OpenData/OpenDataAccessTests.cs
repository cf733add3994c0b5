using System.Net;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.OpenData;

public class OpenDataAccessTests(DefaultPortfolioFixture fixture) : IClassFixture<DefaultPortfolioFixture>
{
    public static TheoryData<string> ExportUrls => ["/api/open-data/360giving.json", "/api/open-data/360giving.csv", "/api/open-data/iati.xml"];

    [Theory]
    [MemberData(nameof(ExportUrls))]
    public async Task Applicants_and_reviewers_cannot_export(string url)
    {
        await (await (await fixture.Factory.Lead()).GetAsync(url)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await fixture.Factory.Partner()).GetAsync(url)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await fixture.Factory.Reviewer()).GetAsync(url)).ShouldBe(HttpStatusCode.Forbidden);
        await (await fixture.Factory.CreateClient().GetAsync(url)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(ExportUrls))]
    public async Task Admins_and_finance_officers_export_too(string url)
    {
        await (await (await fixture.Factory.Admin()).GetAsync(url)).ShouldBe(HttpStatusCode.OK);
        await (await (await fixture.Factory.Finance()).GetAsync(url)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_admins_publish()
    {
        await (await (await fixture.Factory.Officer()).PostJson("/api/open-data/publish")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await fixture.Factory.Lead()).PostJson("/api/open-data/publish")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_public_endpoint_is_off_by_default_even_after_publishing()
    {
        await (await (await fixture.Factory.Admin()).PostJson("/api/open-data/publish")).ShouldBe(HttpStatusCode.OK);

        var anonymous = fixture.Factory.CreateClient();
        await (await anonymous.GetAsync("/open-data/360giving.json")).ShouldBe(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync("/open-data/iati.xml")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_language_is_a_validation_problem() =>
        await (await (await fixture.Factory.Officer()).GetAsync("/api/open-data/360giving.json?lang=de")).ShouldBeInvalid("lang");
}

public class OpenDataConfigurationTests
{
    [Fact]
    public async Task Nothing_is_exported_without_a_pseudonym_secret()
    {
        using var factory = new GrantHubFactory();
        await (await (await factory.Officer()).GetAsync("/api/open-data/iati.xml")).ShouldBreakRule("open-data-secret-missing");
    }

    [Fact]
    public async Task An_empty_portfolio_is_a_rule_not_an_invalid_file()
    {
        using var factory = new OpenDataFactory();
        await (await (await factory.Officer()).GetAsync("/api/open-data/360giving.json")).ShouldBreakRule("open-data-empty");
    }
}
