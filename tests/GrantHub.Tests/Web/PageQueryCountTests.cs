using System.Net;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;
using Xunit.Abstractions;

namespace GrantHub.Tests.Web;

/// <summary>
/// The officer's pages read a consortium's organisations and a grant's submitted reports in one query each, whatever their
/// number, the grant page reads the grant aggregate once, and a page checks the browser cookie with one query.
/// </summary>
public class PageQueryCountTests : IClassFixture<CommandCountingFactory>
{
    private readonly CommandCountingFactory _factory;
    private readonly ITestOutputHelper _output;

    public PageQueryCountTests(CommandCountingFactory factory, ITestOutputHelper output)
    {
        _factory = factory;
        _output = output;
    }

    [Fact]
    public async Task The_assessment_page_asks_the_database_as_often_for_a_consortium_of_four_as_for_one_of_two()
    {
        var pair = await _factory.ReadyConsortium();
        var four = await _factory.ReadyConsortium(pair.Call);
        foreach (var country in new[] { "CO", "NP" })
        {
            await four.Lead.Invite(four.Id, await _factory.NewOrganisation(country));
        }

        var officer = await WebSession.SignedIn(_factory, GrantScenarios.OfficerEmail);
        var twoMembers = await ReadCounting(officer, $"/applications/{pair.Id}/assessment");
        var fourMembers = await ReadCounting(officer, $"/applications/{four.Id}/assessment");

        _output.WriteLine($"2 members: {twoMembers} queries; 4 members: {fourMembers} queries");
        Assert.Equal(twoMembers, fourMembers);
    }

    [Fact]
    public async Task The_grant_page_asks_the_database_as_often_for_three_submitted_reports_as_for_one()
    {
        var one = await GrantWithSubmittedReports(1);
        var three = await GrantWithSubmittedReports(3);

        var officer = await WebSession.SignedIn(_factory, GrantScenarios.OfficerEmail);
        var oneReport = await ReadCounting(officer, $"/grants/{one.GrantId}");
        var threeReports = await ReadCounting(officer, $"/grants/{three.GrantId}");

        _output.WriteLine($"1 submitted report: {oneReport} queries; 3: {threeReports} queries");
        Assert.Equal(oneReport, threeReports);
    }

    [Fact]
    public async Task The_grant_page_reads_the_whole_grant_once_for_its_summary_tranches_and_transfers()
    {
        var scenario = await GrantWithSubmittedReports(1);
        var officer = await WebSession.SignedIn(_factory, GrantScenarios.OfficerEmail);
        await officer.Read($"/grants/{scenario.GrantId}");

        var count = await _factory.CountCommands(() => officer.Read($"/grants/{scenario.GrantId}"));

        // Only the whole-aggregate read (GrantQueries.WithDetails) asks for the onward transfers.
        var aggregateReads = count.Texts.Count(text => text.Contains("\"GrantOnwardTransfers\"", StringComparison.Ordinal));
        _output.WriteLine($"{count.Queries} queries, {aggregateReads} reading the whole grant");
        Assert.Equal(1, aggregateReads);
    }

    [Fact]
    public async Task The_grant_page_names_its_organisations_without_reading_the_application_or_the_whole_account()
    {
        var scenario = await _factory.AwardGrant(sensitiveLead: true);
        var lead = await WebSession.SignedIn(_factory, scenario.LeadOwner.Email);
        var partner = await WebSession.SignedIn(_factory, scenario.PartnerOwner.Email);
        var leadsPage = await lead.Read($"/grants/{scenario.GrantId}");
        var partnersPage = await partner.Read($"/grants/{scenario.GrantId}");

        var count = await _factory.CountCommands(() => lead.Read($"/grants/{scenario.GrantId}"));

        Assert.Contains("Lead collective", leadsPage);
        Assert.Contains("Partner network", leadsPage);
        Assert.Contains("Partner network", partnersPage);
        Assert.DoesNotContain("Lead collective", partnersPage);
        _output.WriteLine($"{count.Queries} queries");
        Assert.DoesNotContain(count.Texts, text => text.Contains("FROM \"Applications\"", StringComparison.Ordinal));
        Assert.DoesNotContain(count.Texts, text => text.Contains("\"PasswordHash\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_grants_table_reads_its_rows_without_the_tranches_reports_or_agreements_of_each_grant()
    {
        var scenario = await _factory.AwardGrant();
        var officer = await WebSession.SignedIn(_factory, GrantScenarios.OfficerEmail);
        await officer.Read("/grants");

        string? page = null;
        var count = await _factory.CountCommands(async () => page = await officer.Read("/grants"));

        Assert.Contains($"/grants/{scenario.GrantId}", page);
        _output.WriteLine($"{count.Queries} queries");
        Assert.DoesNotContain(count.Texts, text => text.Contains("\"GrantTranches\"", StringComparison.Ordinal) || text.Contains("\"GrantReports\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_checks_the_cookie_against_the_account_without_rebuilding_or_reissuing_it()
    {
        var officer = await WebSession.SignedIn(_factory, GrantScenarios.OfficerEmail);
        await officer.Read("/home");

        HttpResponseMessage? home = null;
        var count = await _factory.CountCommands(async () => home = await officer.Client.GetAsync("/home"));

        Assert.Equal(HttpStatusCode.OK, home!.StatusCode);
        Assert.False(
            home.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("granthub.session=", StringComparison.Ordinal)),
            "A page read re-issued the session cookie.");
        Assert.DoesNotContain(count.Texts, text => text.Contains("\"AspNetUserClaims\"", StringComparison.Ordinal) || text.Contains("\"AspNetRoleClaims\"", StringComparison.Ordinal));
        Assert.Single(count.Texts, text => text.Contains("\"SecurityStamp\" = @", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_home_page_reads_the_account_address_inside_the_invitations_query()
    {
        var officer = await WebSession.SignedIn(_factory, GrantScenarios.OfficerEmail);
        await officer.Read("/home");

        var count = await _factory.CountCommands(() => officer.Read("/home"));

        Assert.Single(count.Texts, text => text.Contains("FROM \"OrganisationInvitations\"", StringComparison.Ordinal));
        Assert.DoesNotContain(count.Texts, text => text.Contains("FROM \"AspNetUsers\"", StringComparison.Ordinal)
            && text.Contains("\"NormalizedEmail\"", StringComparison.Ordinal)
            && !text.Contains("\"OrganisationInvitations\"", StringComparison.Ordinal));
    }

    private async Task<GrantScenario> GrantWithSubmittedReports(int count)
    {
        var scenario = await _factory.AwardGrant();
        await _factory.Activate(scenario);
        foreach (var report in (await _factory.GetGrant(scenario)).Reports.OrderBy(r => r.DueOn).Take(count))
        {
            await (await scenario.LeadOwner.Client.SubmitReport(scenario, report.Id)).ShouldBe(HttpStatusCode.OK);
        }

        return scenario;
    }

    /// <summary>Reads the page once uncounted (first-visit work, such as loading the viewer's roles into caches, is not the page's own), then counts a second reading.</summary>
    private async Task<int> ReadCounting(WebSession session, string url)
    {
        await session.Read(url);
        var count = await _factory.CountCommands(() => session.Read(url));
        return count.Queries;
    }
}
