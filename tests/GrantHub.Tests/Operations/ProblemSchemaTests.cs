using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrantHub.Api.Features.Funds;
using GrantHub.Core.Funds;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Operations;

/// <summary>Every member of a real problem answer is one the OpenAPI document declares for that answer, with its type.</summary>
public class ProblemSchemaTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Real_problem_answers_match_the_schemas_the_document_gives_for_them()
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJson();
        var admin = await factory.Admin();
        var officer = await factory.Officer();
        var call = await factory.CreateOpenCall();
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var emergency = factory.Body(member.OrganisationId, fund.Id);
        await (await member.Client.PostEmergencyRequest(emergency, "reused-key")).ShouldBe(HttpStatusCode.Created);

        var answers = new (string Path, string Method, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("/api/funds", "post", () => admin.PostJson("/api/funds", new CreateFundCommand("", FundKind.CoreFunding, "EUR", 1m, 0m))),
            ("/api/funds", "post", () => admin.PostAsJsonAsync("/api/funds", new { name = "x", unknown = 1 })),
            ("/api/funds", "get", () => factory.CreateClient().GetAsync("/api/funds")),
            ("/api/audit/verify", "get", () => officer.GetAsync("/api/audit/verify")),
            ("/api/funds/{id}", "get", () => admin.GetAsync($"/api/funds/{Guid.NewGuid()}")),
            ("/api/calls/{id}/publish", "post", () => officer.PostJson($"/api/calls/{call.Id}/publish")),
            ("/api/emergency-requests", "post", () => member.Client.PostEmergencyRequest(emergency with { Amount = emergency.Amount + 1 }, "reused-key")),
        };

        var statuses = new List<int>();
        foreach (var (path, method, send) in answers)
        {
            var response = await send();
            var status = (int)response.StatusCode;
            statuses.Add(status);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var schema = ProblemSchemaFor(document, path, method, status);
            AssertConforms(document, schema, problem, $"{method.ToUpperInvariant()} {path} {status}");
        }

        Assert.Equal([400, 400, 401, 403, 404, 409, 422], statuses);
    }

    private static JsonElement ProblemSchemaFor(JsonElement document, string path, string method, int status)
    {
        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        Assert.True(responses.TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response), $"{method} {path} does not document {status}");
        return response.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
    }

    private static void AssertConforms(JsonElement document, JsonElement schema, JsonElement value, string where)
    {
        schema = Resolve(document, schema);
        Assert.True(AllowsKind(schema, value.ValueKind), $"{where}: {value.ValueKind} is not allowed by {schema}");
        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var additional = schema.TryGetProperty("additionalProperties", out var extra) ? extra : default;
        foreach (var member in value.EnumerateObject())
        {
            if (schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty(member.Name, out var memberSchema))
            {
                AssertConforms(document, memberSchema, member.Value, $"{where}.{member.Name}");
            }
            else
            {
                Assert.False(additional.ValueKind == JsonValueKind.False, $"{where}: '{member.Name}' is sent but the schema forbids it: {schema}");
                if (additional.ValueKind == JsonValueKind.Object)
                {
                    AssertConforms(document, additional, member.Value, $"{where}.{member.Name}");
                }
            }
        }
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            schema = reference.GetString()!.TrimStart('#', '/').Split('/').Aggregate(document, (node, segment) => node.GetProperty(segment));
        }

        return schema;
    }

    private static bool AllowsKind(JsonElement schema, JsonValueKind kind)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return true;
        }

        var allowed = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToArray() : [type.GetString()];
        return kind switch
        {
            JsonValueKind.Object => allowed.Contains("object"),
            JsonValueKind.Array => allowed.Contains("array"),
            JsonValueKind.String => allowed.Contains("string"),
            JsonValueKind.Number => allowed.Contains("integer") || allowed.Contains("number"),
            JsonValueKind.True or JsonValueKind.False => allowed.Contains("boolean"),
            _ => allowed.Contains("null"),
        };
    }
}
