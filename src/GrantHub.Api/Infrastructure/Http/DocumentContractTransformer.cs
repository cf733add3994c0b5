using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GrantHub.Api.Infrastructure.Http;

/// <summary>
/// Server URLs without the trailing slash the request's base path leaves (clients join them with paths that start
/// with one), and file downloads described as binary content rather than base64 text.
/// </summary>
internal sealed class DocumentContractTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        var fileContents = (document.Paths ?? [])
            .SelectMany(path => path.Value.Operations ?? [])
            .SelectMany(operation => operation.Value.Responses ?? [])
            .SelectMany(response => response.Value.Content ?? new Dictionary<string, OpenApiMediaType>())
            .Where(content => !content.Key.Contains("json", StringComparison.Ordinal));
        foreach (var (_, media) in fileContents)
        {
            if (media.Schema is OpenApiSchema { Format: "byte" } schema)
            {
                schema.Format = "binary";
            }
        }
        return Task.CompletedTask;
    }
}
