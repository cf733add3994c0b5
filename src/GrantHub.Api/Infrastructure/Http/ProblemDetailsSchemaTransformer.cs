using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GrantHub.Api.Infrastructure.Http;

/// <summary>
/// Describes problem answers as they are really sent: every problem carries <c>traceId</c>, a 409 names its
/// <c>rule</c>, a 400 lists <c>errors</c> per field, and RFC 9457 (§3.2) lets a problem carry further extension
/// members, so the schemas never forbid additional properties.
/// </summary>
internal sealed class ProblemDetailsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is not null || !typeof(ProblemDetails).IsAssignableFrom(type))
        {
            return Task.CompletedTask;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Identifies the request in GrantHub's logs; quote it when reporting a problem.",
        };
        if (type == typeof(ProblemDetails))
        {
            schema.Properties["rule"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "409 only: the business rule that refused the request (e.g. concurrent-change).",
            };
        }

        schema.AdditionalPropertiesAllowed = true;
        schema.AdditionalProperties = null;
        return Task.CompletedTask;
    }
}
