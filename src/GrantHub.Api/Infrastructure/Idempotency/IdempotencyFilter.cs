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
                        "returns the first response (a concurrent retry waits for it); the same key with another body is refused (422).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyRecord.MaxKeyLength },
                });
                return Task.CompletedTask;
            });
}

/// <summary>
/// Hands the key and the hash of the request to the unit of work of the command the endpoint sends, which claims the
/// key, runs the command and stores its response in one transaction (see <see cref="IdempotencyStore"/>). A replayed
/// response goes through the endpoint like the first one, so the retry gets the same status, location and body.
/// A request that fails commits nothing, its key included, so the client may retry, corrected or not.
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
        store.Expect(new IdempotentRequest(user.RequiredId(), key, hash));
        var result = await next(context);
        if (store.Replayed)
        {
            http.Response.Headers[IdempotencyKeys.ReplayedHeaderName] = "true";
        }

        return result;
    }
}
