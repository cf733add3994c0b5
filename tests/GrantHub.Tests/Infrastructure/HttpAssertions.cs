using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GrantHub.Tests.Infrastructure;

public static class HttpAssertions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<T> ReadAs<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await response.ShouldBe(expected);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public static async Task<JsonElement> ReadJson(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) =>
        await response.ReadAs<JsonElement>(expected);

    public static async Task ShouldBe(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} {expected} but got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
    }

    /// <summary>Asserts a 400 problem whose <c>errors</c> name the given field.</summary>
    public static async Task<JsonElement> ShouldBeInvalid(this HttpResponseMessage response, string field)
    {
        var problem = await response.ReadJson(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"Expected an error for '{field}' in {errors}");
        return problem;
    }

    /// <summary>Asserts a 409 problem naming the rule that refused the request.</summary>
    public static async Task ShouldBreakRule(this HttpResponseMessage response, string rule)
    {
        var problem = await response.ReadJson(HttpStatusCode.Conflict);
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
    }
}
