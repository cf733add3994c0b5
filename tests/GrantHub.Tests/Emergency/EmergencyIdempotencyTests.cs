using System.Net;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Infrastructure.Idempotency;
using GrantHub.Core.Idempotency;
using GrantHub.Tests.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GrantHub.Tests.Emergency;

public class EmergencyIdempotencyTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Request_without_an_idempotency_key_is_refused_and_creates_nothing()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();

        var problem = await (await member.Client.PostEmergencyRequest(factory.Body(member.OrganisationId, fund.Id), key: null))
            .ShouldBeInvalid(IdempotencyKeys.HeaderName);

        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(0, await RequestsOf(member.OrganisationId));
    }

    [Fact]
    public async Task Overlong_idempotency_key_is_refused()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();

        var response = await member.Client.PostEmergencyRequest(
            factory.Body(member.OrganisationId, fund.Id), key: new string('k', IdempotencyRecord.MaxKeyLength + 1));

        await response.ShouldBeInvalid(IdempotencyKeys.HeaderName);
    }

    [Fact]
    public async Task Retry_with_the_same_key_and_body_replays_the_first_response()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var body = factory.Body(member.OrganisationId, fund.Id);
        var key = Guid.NewGuid().ToString();

        var first = await member.Client.PostEmergencyRequest(body, key);
        var firstBody = await first.Content.ReadAsStringAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var retry = await member.Client.PostEmergencyRequest(body, key);

        await retry.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
        Assert.Equal("application/json; charset=utf-8", retry.Content.Headers.ContentType?.ToString());
        Assert.True(retry.Headers.TryGetValues(IdempotencyKeys.ReplayedHeaderName, out _));
        Assert.False(first.Headers.TryGetValues(IdempotencyKeys.ReplayedHeaderName, out _));
        Assert.Equal(1, await RequestsOf(member.OrganisationId));
    }

    [Fact]
    public async Task Same_key_with_another_body_is_refused_with_422()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var body = factory.Body(member.OrganisationId, fund.Id);
        var key = Guid.NewGuid().ToString();
        await (await member.Client.PostEmergencyRequest(body, key)).ShouldBe(HttpStatusCode.Created);

        var response = await member.Client.PostEmergencyRequest(body with { Amount = body.Amount + 1 }, key);

        var problem = await response.ReadJson(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("different request", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await RequestsOf(member.OrganisationId));
    }

    [Fact]
    public async Task An_in_flight_marker_left_by_a_crash_expires_within_seconds()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var body = factory.Body(member.OrganisationId, fund.Id);
        var key = Guid.NewGuid().ToString();
        var json = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var hash = IdempotencyStore.HashRequest("POST", EmergencyTestData.Url, body, json);
        await factory.WithDb(db =>
        {
            var now = factory.Clock.GetUtcNow();
            db.IdempotencyRecords.Add(new IdempotencyRecord(member.UserId, key, hash, now, now.AddHours(24)));
            return db.SaveChangesAsync();
        });

        var whileYoung = await member.Client.PostEmergencyRequest(body, key);
        factory.Clock.Advance(IdempotencyStore.InFlightAbandonedAfter);
        var afterwards = await member.Client.PostEmergencyRequest(body, key);

        await whileYoung.ShouldBe(HttpStatusCode.Conflict);
        await afterwards.ShouldBe(HttpStatusCode.Created);
        Assert.True(IdempotencyStore.InFlightAbandonedAfter <= TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RequestsOf(member.OrganisationId));
    }

    [Fact]
    public async Task Twenty_concurrent_posts_with_one_key_create_exactly_one_request()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var body = factory.Body(member.OrganisationId, fund.Id);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => member.Client.PostEmergencyRequest(body, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var created = responses.ToList();
        Assert.Single(created.Select(r => r.Headers.Location).Distinct());
        Assert.Single(created, r => !r.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal(1, await RequestsOf(member.OrganisationId));
        var afterwards = await member.Client.PostEmergencyRequest(body, key);
        Assert.Equal(created[0].Headers.Location, (await ReadCreated(afterwards)).Location);
    }

    [Fact]
    public async Task Keys_belong_to_their_user_so_two_users_may_use_the_same_key()
    {
        var member = await factory.NewOrganisationMember();
        var (colleague, colleagueId) = await factory.NewApplicantWithId();
        await factory.AddMember(member.OrganisationId, colleagueId);
        var fund = await factory.CreateRapidResponseFund();
        var body = factory.Body(member.OrganisationId, fund.Id);
        var key = Guid.NewGuid().ToString();

        var mine = await ReadCreated(await member.Client.PostEmergencyRequest(body, key));
        var theirs = await ReadCreated(await colleague.PostEmergencyRequest(body, key));

        Assert.NotEqual(mine.Request.Id, theirs.Request.Id);
        Assert.Equal(2, await RequestsOf(member.OrganisationId));
    }

    [Fact]
    public async Task A_refused_request_releases_its_key_so_the_corrected_request_may_reuse_it()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var body = factory.Body(member.OrganisationId, fund.Id);
        var key = Guid.NewGuid().ToString();

        await (await member.Client.PostEmergencyRequest(body with { NeededBy = factory.Today().AddDays(-1) }, key)).ShouldBeInvalid("neededBy");
        var corrected = await member.Client.PostEmergencyRequest(body, key);

        await corrected.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(1, await RequestsOf(member.OrganisationId));
    }

    [Fact]
    public async Task Keys_are_kept_24_hours_then_purged_and_usable_again()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var body = factory.Body(member.OrganisationId, fund.Id);
        var key = Guid.NewGuid().ToString();
        await (await member.Client.PostEmergencyRequest(body, key)).ShouldBe(HttpStatusCode.Created);

        factory.Clock.Advance(TimeSpan.FromHours(23));
        await Purge();
        await (await member.Client.PostEmergencyRequest(body, key)).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(1, await RequestsOf(member.OrganisationId));
        Assert.True(await KeyExists(member.UserId, key));

        factory.Clock.Advance(TimeSpan.FromHours(1));
        await Purge();
        Assert.False(await KeyExists(member.UserId, key));
        var afterExpiry = await member.Client.PostEmergencyRequest(body, key);
        await afterExpiry.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(2, await RequestsOf(member.OrganisationId));
    }

    private async Task Purge() =>
        await factory.WithScope(services => services.GetRequiredService<IMediator>().Send(new PurgeExpiredIdempotencyKeysCommand()).AsTask());

    private Task<bool> KeyExists(Guid userId, string key) =>
        factory.WithDb(db => db.IdempotencyRecords.AnyAsync(r => r.UserId == userId && r.Key == key));

    private Task<int> RequestsOf(Guid organisationId) =>
        factory.WithDb(db => db.EmergencyRequests.CountAsync(r => r.OrganisationId == organisationId));

    private static async Task<(EmergencyRequestResponse Request, Uri? Location)> ReadCreated(HttpResponseMessage response) =>
        (await response.ReadAs<EmergencyRequestResponse>(HttpStatusCode.Created), response.Headers.Location);
}
