using System.Net;
using System.Net.Http.Json;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Funds;
using GrantHub.Core.Calls;
using GrantHub.Core.Funds;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Infrastructure;

/// <summary>Test data and look-ups shared by every area; an area's own scenarios live beside its tests.</summary>
public static class TestData
{
    /// <summary>Today's date by the test clock, in UTC, as the application sees it.</summary>
    public static DateOnly Today(this GrantHubFactory factory) => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    public static Task<Guid> UserId(this GrantHubFactory factory, string email) =>
        factory.WithDb(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>A fund as the admin reads it through the API.</summary>
    public static async Task<FundResponse> GetFund(this GrantHubFactory factory, Guid fundId) =>
        await (await (await factory.Admin()).GetAsync($"/api/funds/{fundId}")).ReadAs<FundResponse>();

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object? body = null) =>
        client.PostAsJsonAsync(url, body ?? new { }, HttpAssertions.Json);

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, HttpAssertions.Json);

    public static async Task<FundResponse> CreateFund(
        this GrantHubFactory factory,
        FundKind kind = FundKind.CoreFunding,
        decimal budget = 1_000_000m,
        string currency = "EUR",
        decimal approvalThreshold = 10_000m)
    {
        var admin = await factory.Admin();
        var response = await admin.PostJson("/api/funds", new CreateFundCommand($"Fund {Guid.NewGuid():N}", kind, currency, budget, approvalThreshold));
        return await response.ReadAs<FundResponse>(HttpStatusCode.Created);
    }

    public static CallInput CallInput(Guid fundId, DateTimeOffset now) => new(
        fundId,
        "Core funding for peacebuilders",
        "Flexible multi-year support.",
        [Pillar.Participation, Pillar.Protection],
        ["NP", "BI", "CO"],
        MinAmount: 50_000m,
        MaxAmount: 300_000m,
        MinDurationMonths: 12,
        MaxDurationMonths: 36,
        OpensAt: now.AddDays(-1),
        ClosesAt: now.AddDays(30),
        new ConsortiumRule(Required: true, MinPartners: 1, MaxPartners: 3),
        [new RubricCriterionInput("Relevance", 60, 5), new RubricCriterionInput("Consortium", 40, 5)],
        MinReviewsPerApplication: 2);

    public static async Task<CallResponse> CreateCall(this GrantHubFactory factory, CallInput? input = null)
    {
        input ??= CallInput((await factory.CreateFund()).Id, factory.Clock.GetUtcNow());
        var officer = await factory.Officer();
        return await (await officer.PostJson("/api/calls", input)).ReadAs<CallResponse>(HttpStatusCode.Created);
    }

    public static async Task<CallResponse> CreateOpenCall(this GrantHubFactory factory, CallInput? input = null)
    {
        var call = await factory.CreateCall(input);
        var officer = await factory.Officer();
        return await (await officer.PostJson($"/api/calls/{call.Id}/publish")).ReadAs<CallResponse>();
    }
}
