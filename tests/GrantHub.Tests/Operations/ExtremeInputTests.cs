using System.Net;
using System.Text;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reviews;
using static GrantHub.Tests.Reviews.ReviewTestData;

namespace GrantHub.Tests.Operations;

public class ExtremeInputTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task An_award_starting_in_year_9999_is_refused_naming_the_start_date()
    {
        var consortium = await factory.SubmittedConsortium();
        await factory.Review(consortium.Id, await factory.NewReviewer(), 4, 4);
        await factory.Review(consortium.Id, await factory.NewReviewer(), 3, 3);
        await factory.CloseCall(consortium.Call.Id);
        var officer = await factory.Officer();

        await (await officer.Decide(consortium.Id, Award(50_000m, new DateOnly(9999, 1, 1)))).ShouldBeInvalid("startDate");
        await (await officer.Decide(consortium.Id, Award(50_000m, new DateOnly(1, 1, 1)))).ShouldBeInvalid("startDate");
        Assert.Equal(0m, (await factory.GetFund(consortium.Call.FundId)).Committed);
    }

    [Fact]
    public async Task Emergency_metrics_up_to_year_9999_are_refused_naming_the_date()
    {
        var finance = await factory.Finance();

        await (await finance.GetAsync("/api/emergency-requests/metrics?To=9999-12-31")).ShouldBeInvalid("to");
        await (await finance.GetAsync("/api/emergency-requests/metrics?From=0001-01-01")).ShouldBeInvalid("from");
    }

    [Fact]
    public async Task An_instant_in_year_9999_is_refused()
    {
        var officer = await factory.Officer();
        var fund = await factory.CreateFund();
        var input = TestData.CallInput(fund.Id, factory.Clock.GetUtcNow()) with { ClosesAt = new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        await (await officer.PostJson("/api/calls", input)).ShouldBeInvalid("closesAt");
    }

    [Theory]
    [InlineData("Acme\u0000Peace")]
    [InlineData("Acme\u0007Peace")]
    [InlineData("Acme\u009BPeace")]
    public async Task Control_characters_in_text_are_refused_naming_the_field(string name)
    {
        var applicant = await factory.NewApplicant();

        var problem = await (await applicant.PostJson("/api/organisations", new
        {
            name, country = "CO", type = "Network", womenLed = true, sensitive = false,
        })).ShouldBeInvalid("name");

        Assert.Contains("control characters", problem.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task Line_breaks_and_tabs_are_text_not_control_characters()
    {
        var officer = await factory.Officer();
        var fund = await factory.CreateFund();
        var input = TestData.CallInput(fund.Id, factory.Clock.GetUtcNow()) with { Description = "First line.\r\n\tIndented second line." };

        await (await officer.PostJson("/api/calls", input)).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Text_longer_than_any_field_allows_is_refused_before_it_is_read()
    {
        var officer = await factory.Officer();
        var fund = await factory.CreateFund();
        var input = TestData.CallInput(fund.Id, factory.Clock.GetUtcNow()) with { Description = new string('a', 100_006) };

        await (await officer.PostJson("/api/calls", input)).ShouldBeInvalid("description");
    }

    [Fact]
    public async Task A_key_given_twice_is_refused_naming_it()
    {
        var admin = await factory.Admin();

        var response = await admin.PostAsync("/api/funds", Json(
            """{"name":"Twice","kind":"CoreFunding","currency":"EUR","budget":1,"approvalThreshold":1,"budget":1000000000}"""));

        await response.ShouldBeInvalid("budget");
    }

    [Fact]
    public async Task An_enum_given_as_a_number_is_refused_naming_it()
    {
        var admin = await factory.Admin();

        var response = await admin.PostAsync("/api/funds", Json(
            """{"name":"Numbered","kind":0,"currency":"EUR","budget":1000,"approvalThreshold":100}"""));

        await response.ShouldBeInvalid("kind");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
