using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GrantHub.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GrantHub.Tests.Operations;

/// <summary>
/// For every operation the OpenAPI document describes, a fixed number of invalid bodies and query strings, generated from
/// the operation's own schema with a fixed seed, sent as an applicant and as an admin: the answer is never a 5xx, and
/// every refusal is a problem-details document.
/// </summary>
public class SchemaFuzzTests(GrantHubFactory factory, ITestOutputHelper output) : IClassFixture<GrantHubFactory>
{
    private const int Seed = 20261201;
    private const int BodiesPerOperation = 4;
    private const int QueriesPerOperation = 2;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task No_generated_invalid_request_gets_a_server_error_or_a_refusal_without_problem_details()
    {
        using var anonymous = factory.CreateClient();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var generator = new InvalidInputGenerator(document, new Random(Seed));
        var operations = Operations(document).ToList();
        Assert.True(operations.Count > 40, $"Only {operations.Count} operations found in the OpenAPI document.");
        var roles = new[] { ("applicant", await factory.Lead()), ("admin", await factory.Admin()) };

        // Round by round (one request per operation and role per round), so that a slow machine that runs out of time
        // still covers every operation; the sequence itself is fixed by the seed.
        var plans = roles
            .SelectMany(role => operations.Select(operation => (Role: role, Requests: generator.RequestsFor(operation, BodiesPerOperation, QueriesPerOperation).ToList())))
            .ToList();
        var failures = new List<string>();
        var sent = 0;
        var stopwatch = Stopwatch.StartNew();
        for (var round = 0; round < BodiesPerOperation + QueriesPerOperation && stopwatch.Elapsed < Budget; round++)
        {
            foreach (var ((role, client), requests) in plans.Where(plan => round < plan.Requests.Count))
            {
                var request = requests[round];
                using var message = request.ToMessage();
                using var response = await client.SendAsync(message);
                sent++;
                var status = (int)response.StatusCode;
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (status >= 500 || (status >= 400 && mediaType != "application/problem+json"))
                {
                    var body = await response.Content.ReadAsStringAsync();
                    failures.Add($"{role} {request.Method} {request.Url} {Shorten(request.Body)} -> {status} {mediaType}: {Shorten(body)}");
                }
            }
        }

        output.WriteLine($"{sent} requests over {operations.Count} operations in {stopwatch.Elapsed.TotalSeconds:F1} s.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers were wrong:\n{string.Join('\n', failures.Take(40))}");
        Assert.True(sent >= plans.Count(plan => plan.Requests.Count > 0), $"Only {sent} requests in the time budget: not even one per operation and role.");
    }

    /// <summary>
    /// API operations that take input. Logout takes none, and would end the sessions the other requests use; the public
    /// open-data files are served like web pages (an unknown one gets the HTML not-found page).
    /// </summary>
    private static IEnumerable<FuzzOperation> Operations(JsonNode document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(method => method.Key is "get" or "post" or "put" or "delete" or "patch")
                .Select(method => new FuzzOperation(path.Key, method.Key.ToUpperInvariant(), method.Value!)))
            .Where(operation => operation.Definition["parameters"] is JsonArray { Count: > 0 } || operation.Definition["requestBody"] is not null)
            .Where(operation => operation.Path.StartsWith("/api/", StringComparison.Ordinal) || operation.Path.StartsWith("/auth/", StringComparison.Ordinal))
            .OrderBy(operation => operation.Path, StringComparer.Ordinal);

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 300 ? text : text[..300] + "…";
}

public sealed record FuzzOperation(string Path, string Method, JsonNode Definition);

public sealed record FuzzRequest(string Method, string Url, string? Body, string? IdempotencyKey)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            message.Content = new StringContent(Body, Encoding.UTF8, "application/json");
        }

        if (IdempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", IdempotencyKey);
        }

        return message;
    }
}

/// <summary>Builds a plausible value from a schema, then breaks it in one of the ways clients (or attackers) do.</summary>
public sealed class InvalidInputGenerator(JsonNode document, Random random)
{
    private static readonly string[] BadTexts =
    [
        "a\u0000b", "\u0007bell", "line\u001Bescape", new string('x', 25_000), "\ud800", "", "   ", "<script>alert(1)</script>", "' OR 1=1 --",
    ];

    private static readonly string[] BadDates = ["9999-12-31", "0001-01-01", "2026-02-30", "1999-12-31", "2101-01-01", "not-a-date", "99999-01-01"];

    private static readonly string[] BadInstants =
        ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999-14:00", "2026-13-01T00:00:00Z", "tomorrow"];

    private static readonly JsonNode?[] BadNumbers =
    [
        JsonValue.Create(-1), JsonValue.Create(0), JsonValue.Create(long.MaxValue), JsonValue.Create(1e308), JsonValue.Create(-1e308),
        JsonValue.Create(decimal.MaxValue), JsonValue.Create(0.000000001m), JsonValue.Create(int.MinValue), JsonValue.Create("12"),
    ];

    private static readonly string[] BadQueryValues =
        ["9999-12-31", "0001-01-01", "-1", "2147483648", "99999999999999999999", "abc", "%00", "1", "99", new string('q', 3000), "%F0%9F%92%A9", "true"];

    /// <summary>No NUL here: the in-memory client refuses it before it is sent (Kestrel answers 400 itself).</summary>
    private static readonly string[] BadPathValues = ["-1", "2147483648", "abc", "%20", new string('p', 2000), "%F0%9F%92%A9"];

    private static readonly string[] WholeBodies =
        ["[]", "\"text\"", "{", "null", "123", "{\"a\":" + new string('[', 200) + new string(']', 200) + "}", "{}", "{\"\u0000\":1}"];

    public IEnumerable<FuzzRequest> RequestsFor(FuzzOperation operation, int bodies, int queries)
    {
        var parameters = operation.Definition["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
        var bodySchema = operation.Definition["requestBody"]?["content"]?["application/json"]?["schema"];
        for (var i = 0; i < bodies && bodySchema is not null; i++)
        {
            yield return new FuzzRequest(operation.Method, Url(operation.Path, parameters, badQuery: false), InvalidBody(bodySchema), NextKey(operation));
        }

        for (var i = 0; i < queries; i++)
        {
            var body = bodySchema is null ? null : JsonSerializer.Serialize(Plausible(bodySchema, depth: 0));
            yield return new FuzzRequest(operation.Method, Url(operation.Path, parameters, badQuery: true), body, NextKey(operation));
        }
    }

    private string? NextKey(FuzzOperation operation) =>
        operation.Method == "POST" ? $"fuzz-{random.Next():x8}" : null;

    private string Url(string path, List<JsonNode> parameters, bool badQuery)
    {
        var url = new StringBuilder();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0)
            {
                continue;
            }

            url.Append('/');
            if (segment.StartsWith('{'))
            {
                var name = segment.Trim('{', '}').Split(':')[0];
                var schema = parameters.FirstOrDefault(p => (string?)p["name"] == name)?["schema"];
                url.Append(badQuery && random.Next(4) == 0 ? Pick(BadPathValues) : PathValue(schema));
            }
            else
            {
                url.Append(segment);
            }
        }

        var query = parameters.Where(p => (string?)p["in"] == "query").ToList();
        if (query.Count > 0)
        {
            url.Append('?');
            url.Append(string.Join('&', query.Select(p =>
                $"{p["name"]}={(badQuery ? Pick(BadQueryValues) : Uri.EscapeDataString(PathValue(p["schema"])))}")));
        }

        return url.ToString();
    }

    private string PathValue(JsonNode? schema) => Resolve(schema) switch
    {
        { } s when (string?)s["format"] == "uuid" => NextGuid(),
        { } s when TypeOf(s) is "integer" or "number" => "1",
        { } s when (string?)s["format"] == "date" => "2026-05-01",
        _ => "x",
    };

    private string InvalidBody(JsonNode schema)
    {
        var resolved = Resolve(schema)!;
        var plausible = Plausible(resolved, depth: 0);
        switch (random.Next(10))
        {
            case 0:
                return Pick(WholeBodies);
            case 1 when plausible is JsonObject { Count: > 0 } repeated:
                var (key, value) = repeated.ElementAt(random.Next(repeated.Count));
                var text = repeated.ToJsonString();
                var repeatedValue = BreakValue(resolved["properties"]?[key], value)?.ToJsonString() ?? "null";
                return text[..^1] + $",\"{key}\":{repeatedValue}}}";
            case 2 when plausible is JsonObject unknown:
                unknown["isAdmin"] = true;
                return unknown.ToJsonString();
            default:
                if (plausible is JsonObject { Count: > 0 } target)
                {
                    var property = target.ElementAt(random.Next(target.Count)).Key;
                    target[property] = BreakValue(resolved["properties"]?[property], target[property]);
                    return target.ToJsonString();
                }

                return Pick(WholeBodies);
        }
    }

    private JsonNode? BreakValue(JsonNode? propertySchema, JsonNode? current)
    {
        var schema = Resolve(propertySchema);
        var type = schema is null ? null : TypeOf(schema);
        var format = (string?)schema?["format"];
        if (schema?["enum"] is not null || (schema?["anyOf"] ?? schema?["oneOf"]) is not null && random.Next(2) == 0)
        {
            return random.Next(2) == 0 ? JsonValue.Create(random.Next(-1, 100)) : JsonValue.Create("NotAMember");
        }

        return (type, format, random.Next(4)) switch
        {
            (_, "date", not 3) => JsonValue.Create(Pick(BadDates)),
            (_, "date-time", not 3) => JsonValue.Create(Pick(BadInstants)),
            (_, "uuid", not 3) => JsonValue.Create(random.Next(2) == 0 ? "00000000-0000-0000-0000-000000000000" : "not-a-guid"),
            ("integer" or "number", _, not 3) => BadNumbers[random.Next(BadNumbers.Length)]?.DeepClone(),
            ("string", _, not 3) => JsonValue.Create(Pick(BadTexts)),
            ("array", _, 0) => new JsonArray(Enumerable.Range(0, 300).Select(_ => current?.DeepClone() ?? JsonValue.Create("x")).ToArray<JsonNode?>()),
            ("array", _, _) => new JsonArray(JsonValue.Create(Pick(BadTexts)), null, JsonValue.Create(-1)),
            ("object", _, _) => new JsonArray(),
            ("boolean", _, _) => JsonValue.Create("yes"),
            _ => random.Next(3) switch
            {
                0 => null,
                1 => new JsonObject { ["nested"] = JsonValue.Create(Pick(BadTexts)) },
                _ => JsonValue.Create(Pick(BadTexts)),
            },
        };
    }

    /// <summary>A value the schema would accept on its face, so that a single broken field is what the server must refuse.</summary>
    private JsonNode? Plausible(JsonNode? schemaNode, int depth)
    {
        var schema = Resolve(schemaNode);
        if (schema is null || depth > 3)
        {
            return null;
        }

        if (schema["enum"] is JsonArray members && members.Count > 0)
        {
            return members[random.Next(members.Count)]?.DeepClone();
        }

        if ((schema["anyOf"] ?? schema["oneOf"]) is JsonArray choices)
        {
            return Plausible(choices.FirstOrDefault(c => TypeOf(Resolve(c)!) != "null"), depth);
        }

        return (TypeOf(schema), (string?)schema["format"]) switch
        {
            (_, "date") => JsonValue.Create("2026-06-15"),
            (_, "date-time") => JsonValue.Create("2026-06-15T10:30:00Z"),
            (_, "uuid") => JsonValue.Create(NextGuid()),
            ("string", _) => JsonValue.Create("EUR"),
            ("integer", _) => JsonValue.Create(1),
            ("number", _) => JsonValue.Create(1000),
            ("boolean", _) => JsonValue.Create(false),
            ("array", _) => new JsonArray(Plausible(schema["items"], depth + 1)),
            _ => PlausibleObject(schema, depth),
        };
    }

    private JsonObject PlausibleObject(JsonNode schema, int depth)
    {
        var result = new JsonObject();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            result[name] = Plausible(property, depth + 1);
        }

        return result;
    }

    private JsonNode? Resolve(JsonNode? schema)
    {
        for (var hops = 0; schema?["$ref"] is { } reference && hops < 10; hops++)
        {
            var name = ((string)reference!).Split('/')[^1];
            schema = document["components"]?["schemas"]?[name];
        }

        return schema;
    }

    /// <summary>OpenAPI 3.1 may give a type as a list (e.g. ["string", "null"]): the first non-null one counts.</summary>
    private static string? TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        JsonValue type => (string?)type,
        _ => null,
    };

    private string NextGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private string Pick(string[] values) => values[random.Next(values.Length)];
}
