using System.Net;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Operations;

public class RateLimitingTests : IDisposable
{
    private readonly LowRateLimitFactory _factory = new();

    [Fact]
    public async Task Repeated_sign_in_attempts_are_answered_with_429_and_retry_after()
    {
        var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;

        for (var i = 0; i < 4; i++)
        {
            last = await client.PostJson("/auth/login", new { email = "officer@granthub.local", password = "wrong-password" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Other_endpoints_are_not_limited_by_the_sign_in_limit()
    {
        var client = _factory.CreateClient();

        for (var i = 0; i < 6; i++)
        {
            await (await client.GetAsync("/api/calls")).ShouldBe(HttpStatusCode.OK);
        }
    }

    public void Dispose() => _factory.Dispose();

    private sealed class LowRateLimitFactory : GrantHubFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["RateLimiting:AuthPermitsPerMinute"] = "3";
                return settings;
            }
        }
    }
}
