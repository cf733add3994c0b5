using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Operations;

public class OperationsTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Liveness_and_readiness_answer_healthy()
    {
        var client = factory.CreateClient();

        Assert.Equal("Healthy", await (await client.GetAsync("/health")).Content.ReadAsStringAsync());
        var ready = await client.GetAsync("/health/ready");
        await ready.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_describes_every_route_with_request_and_response_schemas()
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJson();
        var paths = document.GetProperty("paths");

        string[] expected =
        [
            "/auth/register", "/auth/login", "/auth/refresh", "/api/me", "/api/users", "/api/funds", "/api/funds/{id}",
            "/api/funds/{id}/top-ups", "/api/calls", "/api/calls/{id}", "/api/calls/{id}/publish", "/api/calls/{id}/close",
            "/api/calls/{id}/cancel", "/api/audit", "/api/audit/verify", "/api/me/notifications", "/api/me/notifications/{id}/read",
        ];
        foreach (var path in expected)
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        }

        var createCall = paths.GetProperty("/api/calls").GetProperty("post");
        Assert.True(createCall.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(createCall.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(createCall.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(createCall.GetProperty("responses").TryGetProperty("409", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("CallInput", out var callInput));
        Assert.True(callInput.GetProperty("properties").TryGetProperty("rubric", out _));
        Assert.True(schemas.TryGetProperty("FundResponse", out _));
    }

    [Fact]
    public async Task Api_reference_is_served()
    {
        var response = await factory.CreateClient().GetAsync("/scalar");

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Job_dashboard_is_for_admins_only()
    {
        await (await factory.CreateClient().GetAsync("/hangfire")).ShouldBe(HttpStatusCode.Unauthorized);
        await (await (await factory.Officer()).GetAsync("/hangfire")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Admin()).GetAsync("/hangfire")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unauthenticated_and_forbidden_answers_are_problem_details()
    {
        var anonymous = await factory.CreateClient().GetAsync("/api/audit");
        var forbidden = await (await factory.Reviewer()).GetAsync("/api/audit");

        foreach (var (response, status) in new[] { (anonymous, HttpStatusCode.Unauthorized), (forbidden, HttpStatusCode.Forbidden) })
        {
            await response.ShouldBe(status);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Malformed_json_is_a_clear_bad_request()
    {
        var admin = await factory.Admin();

        var response = await admin.PostAsync("/api/funds", new StringContent("{ \"name\": ", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ReadJson(HttpStatusCode.BadRequest);
        Assert.Equal("Invalid input", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Oversized_request_body_is_refused()
    {
        var admin = await factory.Admin();
        var huge = JsonSerializer.Serialize(new { name = new string('x', 2_000_000), kind = "CoreFunding", currency = "EUR", budget = 1, approvalThreshold = 0 });

        var response = await admin.PostAsync("/api/funds", new StringContent(huge, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_route_parameters_are_not_found_rather_than_errors()
    {
        var admin = await factory.Admin();

        await (await admin.GetAsync("/api/funds/not-a-guid")).ShouldBe(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync("/api/calls/not-a-guid/publish", new { })).ShouldBe(HttpStatusCode.NotFound);
    }
}
