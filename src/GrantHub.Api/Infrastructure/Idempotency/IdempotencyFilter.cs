using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Idempotency;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace GrantHub.Api.Infrastructure.Idempotency;

public static class IdempotencyKeys
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    /// <summary>
    /// Makes a creating endpoint safe to retry: it requires an <c>Idempotency-Key</c> header, runs the first
    /// request with a key once, and answers every retry with the same body with that first response.
    /// <typeparamref name="TBody"/> is the endpoint's bound body, whose canonical JSON identifies the request.
    /// </summary>
    public static RouteHandlerBuilder RequireIdempotencyKey<TBody>(this RouteHandlerBuilder endpoint)
        where TBody : notnull =>
        endpoint.AddEndpointFilter<IdempotencyFilter<TBody>>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = HeaderName,
                    In = ParameterLocation.Header,
                    Required = true,
                    Description = "A unique key per intended request (e.g. a UUID), kept 24 hours. A retry with the same key and body " +
                        "returns the first response; the same key with another body is refused (422); while the first runs, 409.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyRecord.MaxKeyLength },
                });
                return Task.CompletedTask;
            });
}

/// <summary>
/// Claim the key (its own committed insert), run the endpoint, store its response. Only a successful (2xx)
/// response is stored: a request that fails changed nothing (every command is one transaction), so its key is
/// released and the client may retry, with a corrected body if it was refused. If storing fails after the
/// command committed, the key stays in flight (409) until it expires rather than letting a retry run twice.
/// </summary>
internal sealed class IdempotencyFilter<TBody>(IdempotencyStore store, ICurrentUser user, IOptions<JsonOptions> json) : IEndpointFilter
    where TBody : notnull
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[IdempotencyKeys.HeaderName].ToString().Trim();
        if (key.Length is 0 or > IdempotencyRecord.MaxKeyLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>
                {
                    [IdempotencyKeys.HeaderName] = [$"Send an {IdempotencyKeys.HeaderName} header of 1 to {IdempotencyRecord.MaxKeyLength} characters, e.g. a new UUID for each request."],
                },
                detail: $"This request must carry an {IdempotencyKeys.HeaderName} header so that a retry can never create it twice.",
                title: "Invalid input");
        }

        var body = context.Arguments.OfType<TBody>().Single();
        var hash = IdempotencyStore.HashRequest(http.Request.Method, http.Request.Path, body, json.Value.SerializerOptions);
        var claim = await store.ClaimAsync(user.RequiredId(), key, hash, http.RequestAborted);
        if (claim.Replay is { } earlier)
        {
            return new IdempotentReplayResult(earlier);
        }

        var recordId = claim.ClaimedRecordId!.Value;
        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await store.ReleaseAsync(recordId);
            throw;
        }

        var (statusCode, responseBody) = await ExecuteBufferedAsync(http, AsHttpResult(result));
        if (statusCode is >= 200 and < 300)
        {
            await store.CompleteAsync(recordId, statusCode, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, responseBody);
        }
        else
        {
            await store.ReleaseAsync(recordId);
        }

        await http.Response.Body.WriteAsync(responseBody, http.RequestAborted);
        return Results.Empty;
    }

    private static IResult AsHttpResult(object? result) => result switch
    {
        IResult httpResult => httpResult,
        null => TypedResults.Ok(),
        _ => TypedResults.Ok(result),
    };

    /// <summary>Writes the endpoint's result into memory (headers go to the real response) so its bytes can be stored.</summary>
    private static async Task<(int StatusCode, byte[] Body)> ExecuteBufferedAsync(HttpContext http, IResult result)
    {
        var realBody = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await result.ExecuteAsync(http);
            await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
        }
        finally
        {
            http.Response.Body = realBody;
        }

        return (http.Response.StatusCode, buffer.ToArray());
    }
}

/// <summary>The stored first response, byte for byte, marked as a replay.</summary>
internal sealed class IdempotentReplayResult(IdempotencyRecord record) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = record.ResponseStatusCode!.Value;
        response.ContentType = record.ResponseContentType;
        if (record.ResponseLocation is { } location)
        {
            response.Headers.Location = location;
        }

        response.Headers[IdempotencyKeys.ReplayedHeaderName] = "true";
        await response.Body.WriteAsync(record.ResponseBody ?? [], httpContext.RequestAborted);
    }
}
