using System.Text.Json;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Operations;

/// <summary>
/// What client generators rely on in the OpenAPI document; <c>tests/scripts/openapi-lint.sh</c> lints the same
/// document with Redocly and Spectral in <c>.ci/run</c>.
/// </summary>
public class OpenApiContractTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Every_operation_has_its_own_operationId()
    {
        var document = await Document();

        var ids = Operations(document).Select(operation => operation.TryGetProperty("operationId", out var id) ? id.GetString() : null).ToList();

        Assert.True(ids.Count > 90, $"only {ids.Count} operations");
        Assert.DoesNotContain(null, ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("postGrantsByIdTranchesByNumberPayment", ids);
    }

    [Theory]
    [InlineData("GET", "api/grants/{id}/agreement", "getGrantsByIdAgreement")]
    [InlineData("POST", "api/grants/{id:guid}/tranches/{number:int}/approvals", "postGrantsByIdTranchesByNumberApprovals")]
    [InlineData("GET", "api/open-data/360giving.json", "getOpenData360givingJson")]
    [InlineData("POST", "auth/login", "postAuthLogin")]
    public void An_operationId_reads_as_the_verb_and_the_route(string method, string route, string expected) =>
        Assert.Equal(expected, OperationIdTransformer.FromRoute(method, route));

    [Fact]
    public async Task Money_is_typed_as_decimal_and_never_as_double()
    {
        var document = await Document();
        var fund = document.GetProperty("components").GetProperty("schemas").GetProperty("FundResponse").GetProperty("properties");

        foreach (var amount in new[] { "budget", "committed", "disbursed", "available", "approvalThreshold" })
        {
            Assert.Equal("decimal", fund.GetProperty(amount).GetProperty("format").GetString());
        }
    }

    [Fact]
    public async Task Every_array_says_what_it_holds()
    {
        var document = await Document();

        var arraysWithoutItems = Schemas(document.GetProperty("components"), "#/components")
            .Where(schema => IsArray(schema.Value) && !schema.Value.TryGetProperty("items", out _))
            .Select(schema => schema.Path)
            .ToList();

        Assert.Empty(arraysWithoutItems);
    }

    [Fact]
    public async Task The_agreement_is_described_as_a_binary_PDF_and_servers_end_without_a_slash()
    {
        var document = await Document();

        var pdf = document.GetProperty("paths").GetProperty("/api/grants/{id}/agreement").GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/pdf").GetProperty("schema");
        Assert.Equal("binary", pdf.GetProperty("format").GetString());
        Assert.All(document.GetProperty("servers").EnumerateArray(), server => Assert.False(server.GetProperty("url").GetString()!.EndsWith('/')));
    }

    private async Task<JsonElement> Document() => await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJson();

    private static IEnumerable<JsonElement> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject())
            .Where(member => member.Value.ValueKind == JsonValueKind.Object && member.Value.TryGetProperty("responses", out _))
            .Select(member => member.Value);

    private static bool IsArray(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) &&
        type.ValueKind switch
        {
            JsonValueKind.String => type.GetString() == "array",
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.GetString() == "array"),
            _ => false,
        };

    private static IEnumerable<(string Path, JsonElement Value)> Schemas(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            yield return (path, element);
            foreach (var member in element.EnumerateObject())
            {
                foreach (var nested in Schemas(member.Value, $"{path}/{member.Name}"))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in Schemas(item, $"{path}/{index++}"))
                {
                    yield return nested;
                }
            }
        }
    }
}
