using System.Net;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Infrastructure.Idempotency;
using GrantHub.Core.Emergency;
using GrantHub.Core.Funds;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Emergency;

public class SubmitEmergencyRequestTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Member_asks_the_rapid_response_fund_and_a_decision_is_promised_within_72_hours()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();

        var response = await member.Client.PostEmergencyRequest(factory.Body(member.OrganisationId, fund.Id, amount: 2_400.50m));

        var request = await response.ReadAs<EmergencyRequestResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/emergency-requests/{request.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(EmergencyRequestStatus.Submitted, request.Status);
        Assert.Equal(member.OrganisationId, request.OrganisationId);
        Assert.Equal(2_400.50m, request.Amount);
        Assert.Equal("EUR", request.Currency);
        Assert.Equal(EmergencyTestData.Justification, request.Justification);
        Assert.Equal(factory.StoredNow, request.SubmittedAt);
        Assert.Equal(request.SubmittedAt.AddHours(72), request.DecisionDueAt);
        Assert.Null(request.DecidedAt);
        Assert.Null(request.EnteredBy);
        Assert.Empty(request.Approvals);
        var fetched = await (await member.Client.GetAsync($"/api/emergency-requests/{request.Id}")).ReadAs<EmergencyRequestResponse>();
        Assert.Equal(request.Id, fetched.Id);
    }

    [Fact]
    public async Task Every_finance_officer_hears_of_a_new_request()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();

        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));

        var finance = await factory.Finance();
        var notifications = await (await finance.GetAsync("/api/me/notifications?pageSize=100")).ReadJson();
        Assert.Contains(notifications.GetProperty("items").EnumerateArray(), n => n.GetProperty("link").GetString() == $"/emergency/{request.Id}");
    }

    [Fact]
    public async Task Programme_officer_enters_a_request_received_by_phone_and_is_recorded_as_entering_it()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var officer = await factory.Officer();

        var request = await officer.Submit(factory.Body(member.OrganisationId, fund.Id));

        Assert.Equal(await factory.UserId("officer@granthub.local"), request.EnteredBy);
        var seenByMember = await (await member.Client.GetAsync($"/api/emergency-requests/{request.Id}")).ReadAs<EmergencyRequestResponse>();
        Assert.Equal(EmergencyRequestStatus.Submitted, seenByMember.Status);
    }

    [Fact]
    public async Task Core_funding_fund_is_refused_on_fund_id()
    {
        var member = await factory.NewOrganisationMember();
        var coreFund = await factory.CreateFund(FundKind.CoreFunding);

        await (await member.Client.PostEmergencyRequest(factory.Body(member.OrganisationId, coreFund.Id))).ShouldBeInvalid("fundId");
    }

    [Fact]
    public async Task Unknown_fund_is_refused_on_fund_id()
    {
        var member = await factory.NewOrganisationMember();

        await (await member.Client.PostEmergencyRequest(factory.Body(member.OrganisationId, Guid.NewGuid()))).ShouldBeInvalid("fundId");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-100")]
    [InlineData("100.001")]
    public async Task Amount_must_be_positive_with_at_most_the_currencys_decimals(string amount)
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var body = factory.Body(member.OrganisationId, fund.Id) with { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) };

        await (await member.Client.PostEmergencyRequest(body)).ShouldBeInvalid("amount");
    }

    [Fact]
    public async Task Decimals_are_refused_for_a_currency_without_minor_units()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(budget: 10_000_000m, currency: "BIF");

        await (await member.Client.PostEmergencyRequest(factory.Body(member.OrganisationId, fund.Id, amount: 50_000.5m))).ShouldBeInvalid("amount");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Justification_is_required(string justification)
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();

        await (await member.Client.PostEmergencyRequest(factory.Body(member.OrganisationId, fund.Id, justification: justification))).ShouldBeInvalid("justification");
    }

    [Fact]
    public async Task Justification_is_limited_in_length()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();

        var response = await member.Client.PostEmergencyRequest(
            factory.Body(member.OrganisationId, fund.Id, justification: new string('x', EmergencyRequest.MaxJustificationLength + 1)));

        await response.ShouldBeInvalid("justification");
    }

    [Fact]
    public async Task Needed_by_date_in_the_past_is_refused_but_today_is_accepted()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var body = factory.Body(member.OrganisationId, fund.Id);

        await (await member.Client.PostEmergencyRequest(body with { NeededBy = factory.Today().AddDays(-1) })).ShouldBeInvalid("neededBy");
        await (await member.Client.PostEmergencyRequest(body with { NeededBy = factory.Today() })).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Needed_by_must_be_a_YYYY_MM_DD_date()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();

        var response = await member.Client.PostEmergencyRequest(new
        {
            organisationId = member.OrganisationId,
            fundId = fund.Id,
            amount = 100,
            category = "Medical",
            justification = "Surgery after an attack.",
            neededBy = "05/03/2026",
        });

        await response.ShouldBeInvalid("neededBy");
    }

    [Fact]
    public async Task Unknown_category_is_refused()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();

        var response = await member.Client.PostEmergencyRequest(new
        {
            organisationId = member.OrganisationId,
            fundId = fund.Id,
            amount = 100,
            category = "Travel",
            justification = "Conference.",
            neededBy = factory.Today().AddDays(5),
        });

        await response.ShouldBeInvalid("category");
    }

    [Fact]
    public async Task Several_invalid_fields_are_reported_together()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var body = factory.Body(member.OrganisationId, fund.Id) with { Amount = 0, Justification = "", NeededBy = factory.Today().AddDays(-3) };

        var problem = await (await member.Client.PostEmergencyRequest(body)).ShouldBeInvalid("amount");

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("justification", out _));
        Assert.True(errors.TryGetProperty("neededBy", out _));
    }

    [Fact]
    public async Task Member_cannot_ask_for_another_organisation()
    {
        var member = await factory.NewOrganisationMember();
        var stranger = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();

        await (await stranger.Client.PostEmergencyRequest(factory.Body(member.OrganisationId, fund.Id))).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_organisation_is_not_found()
    {
        var officer = await factory.Officer();
        var fund = await factory.CreateRapidResponseFund();

        await (await officer.PostEmergencyRequest(factory.Body(Guid.NewGuid(), fund.Id))).ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("finance@granthub.local")]
    [InlineData("admin@granthub.local")]
    [InlineData("reviewer@granthub.local")]
    public async Task Staff_other_than_programme_officers_cannot_enter_requests_for_organisations_they_do_not_belong_to(string email)
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var staff = await factory.ClientFor(email);

        await (await staff.PostEmergencyRequest(factory.Body(member.OrganisationId, fund.Id))).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_visitor_cannot_ask()
    {
        var fund = await factory.CreateRapidResponseFund();
        var anonymous = factory.CreateClient();

        await (await anonymous.PostEmergencyRequest(factory.Body(Guid.NewGuid(), fund.Id))).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_fields_are_refused()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();

        var response = await member.Client.PostEmergencyRequest(new
        {
            organisationId = member.OrganisationId,
            fundId = fund.Id,
            amount = 100,
            category = "Medical",
            justification = "Surgery.",
            neededBy = factory.Today().AddDays(5),
            status = "Approved",
        });

        await response.ShouldBeInvalid("status");
    }

    [Fact]
    public async Task The_idempotency_key_is_documented_as_a_required_header()
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJson();

        var parameters = document.GetProperty("paths").GetProperty("/api/emergency-requests").GetProperty("post").GetProperty("parameters");
        Assert.Contains(parameters.EnumerateArray(), p =>
            p.GetProperty("name").GetString() == IdempotencyKeys.HeaderName && p.GetProperty("in").GetString() == "header" && p.GetProperty("required").GetBoolean());
    }
}
