using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GrantHub.Api.Infrastructure.Http;

/// <summary>
/// Corrects two things the generated schemas get wrong for clients: money (<c>decimal</c>) is described as
/// <c>format: double</c>, which invites binary floating point for amounts, and lists of strings lose their
/// <c>items</c> in ASP.NET Core 10 (dotnet/aspnetcore#66583, not backported), leaving an array of anything.
/// </summary>
internal sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(decimal))
        {
            schema.Format = "decimal";
        }

        var isArray = schema.Type is { } schemaType && schemaType.HasFlag(JsonSchemaType.Array);
        if (isArray && schema.Items is null && context.JsonTypeInfo.ElementType == typeof(string))
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }
        return Task.CompletedTask;
    }
}
