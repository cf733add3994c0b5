using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GrantHub.Api.Infrastructure.Http;

/// <summary>
/// Gives every operation a stable, unique <c>operationId</c> that client generators turn into method names: the
/// endpoint's name where it has one (<c>WithName</c>), otherwise the verb and the route, parameters read as "By":
/// <c>POST /api/grants/{id}/tranches/{number}/payment</c> becomes <c>postGrantsByIdTranchesByNumberPayment</c>.
/// </summary>
internal sealed class OperationIdTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(operation.OperationId))
        {
            operation.OperationId = FromRoute(context.Description.HttpMethod ?? "get", context.Description.RelativePath ?? "");
        }
        return Task.CompletedTask;
    }

    internal static string FromRoute(string httpMethod, string relativePath)
    {
        var id = new StringBuilder(httpMethod.ToLowerInvariant());
        var segments = relativePath.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var segment in segments.SkipWhile((segment, index) => index == 0 && segment == "api"))
        {
            var isParameter = segment.StartsWith('{');
            if (isParameter)
            {
                id.Append("By");
            }
            foreach (var word in segment.Split(['{', '}', ':', '-', '.', '_'], StringSplitOptions.RemoveEmptyEntries).Take(isParameter ? 1 : int.MaxValue))
            {
                var letters = new string(word.Where(char.IsAsciiLetterOrDigit).ToArray());
                if (letters.Length > 0)
                {
                    id.Append(char.ToUpperInvariant(letters[0])).Append(letters[1..]);
                }
            }
        }
        return id.ToString();
    }
}
