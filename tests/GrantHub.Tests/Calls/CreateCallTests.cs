using System.Net;
using GrantHub.Api.Features.Calls;
using GrantHub.Core.Calls;
using GrantHub.Core.Funds;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Calls;

public class CreateCallTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private async Task<CallInput> ValidInput() =>
        TestData.CallInput((await factory.CreateFund()).Id, factory.Clock.GetUtcNow());

    [Fact]
    public async Task Officer_creates_a_draft_call_in_the_fund_currency()
    {
        var input = await ValidInput();
        var officer = await factory.Officer();

        var response = await officer.PostJson("/api/calls", input);

        var call = await response.ReadAs<CallResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/calls/{call.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(CallStatus.Draft, call.Status);
        Assert.Equal("EUR", call.Currency);
        Assert.Equal(input.MinAmount, call.MinAmount);
        Assert.Equal(input.Rubric.Select(r => r with { Description = "" }), call.Rubric);
        Assert.Equal(input.Consortium, call.Consortium);
    }

    [Fact]
    public async Task Rubric_weights_must_sum_to_100()
    {
        var input = await ValidInput() with { Rubric = [new("Relevance", 50, 5), new("Consortium", 40, 5)] };
        var officer = await factory.Officer();

        var problem = await (await officer.PostJson("/api/calls", input)).ShouldBeInvalid("rubric");

        Assert.Contains("sum to 90", problem.GetProperty("errors").GetProperty("rubric")[0].GetString());
    }

    [Fact]
    public async Task Rubric_criterion_needs_a_positive_max_score()
    {
        var input = await ValidInput() with { Rubric = [new("Relevance", 100, 0)] };
        var officer = await factory.Officer();

        await (await officer.PostJson("/api/calls", input)).ShouldBeInvalid("rubric[0].maxScore");
    }

    [Fact]
    public async Task Rubric_with_absurd_weights_or_an_empty_criterion_is_invalid_input()
    {
        var officer = await factory.Officer();
        var input = await ValidInput();

        await (await officer.PostJson("/api/calls", input with { Rubric = [new("A", int.MaxValue, 5), new("B", 1, 5)] })).ShouldBeInvalid("rubric");
        await (await officer.PostJson("/api/calls", input with { Rubric = [null!] })).ShouldBeInvalid("rubric");
    }

    [Fact]
    public async Task Call_must_close_after_it_opens()
    {
        var input = await ValidInput();
        input = input with { ClosesAt = input.OpensAt.AddMinutes(-1) };
        var officer = await factory.Officer();

        await (await officer.PostJson("/api/calls", input)).ShouldBeInvalid("closesAt");
    }

    [Fact]
    public async Task Amount_and_duration_ranges_must_be_coherent()
    {
        var input = await ValidInput() with { MinAmount = 500m, MaxAmount = 100m, MinDurationMonths = 36, MaxDurationMonths = 12 };
        var officer = await factory.Officer();

        var response = await officer.PostJson("/api/calls", input);

        var problem = await response.ShouldBeInvalid("maxAmount");
        Assert.True(problem.GetProperty("errors").TryGetProperty("maxDurationMonths", out _));
    }

    [Fact]
    public async Task Eligible_countries_must_be_iso_codes()
    {
        var input = await ValidInput() with { EligibleCountries = ["NP", "Nepal"] };
        var officer = await factory.Officer();

        await (await officer.PostJson("/api/calls", input)).ShouldBeInvalid("eligibleCountries[1]");
    }

    [Fact]
    public async Task Missing_lists_are_invalid_input_not_errors()
    {
        var input = await ValidInput() with { EligibleCountries = null!, Pillars = null!, Rubric = null! };
        var officer = await factory.Officer();

        var problem = await (await officer.PostJson("/api/calls", input)).ShouldBeInvalid("eligibleCountries");

        Assert.True(problem.GetProperty("errors").TryGetProperty("pillars", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("rubric", out _));
    }

    [Fact]
    public async Task Call_must_draw_on_a_core_funding_fund()
    {
        var rapidFund = await factory.CreateFund(FundKind.RapidResponse);
        var input = await ValidInput() with { FundId = rapidFund.Id };
        var officer = await factory.Officer();

        await (await officer.PostJson("/api/calls", input)).ShouldBeInvalid("fundId");
    }

    [Fact]
    public async Task Amounts_finer_than_the_fund_currency_are_refused()
    {
        var input = await ValidInput() with { MinAmount = 50_000.005m };
        var officer = await factory.Officer();

        await (await officer.PostJson("/api/calls", input)).ShouldBeInvalid("minAmount");
    }

    [Fact]
    public async Task Consortium_required_needs_at_least_one_partner()
    {
        var input = await ValidInput() with { Consortium = new ConsortiumRule(true, 0, 3) };
        var officer = await factory.Officer();

        await (await officer.PostJson("/api/calls", input)).ShouldBeInvalid("consortium.minPartners");
    }

    [Fact]
    public async Task Reviewer_cannot_create_a_call()
    {
        var input = await ValidInput();
        var reviewer = await factory.Reviewer();

        await (await reviewer.PostJson("/api/calls", input)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Applicant_cannot_create_a_call()
    {
        var input = await ValidInput();
        var lead = await factory.Lead();

        await (await lead.PostJson("/api/calls", input)).ShouldBe(HttpStatusCode.Forbidden);
    }
}
