using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GrantHub.Api.Infrastructure.Http;

/// <summary>Tells OpenAPI clients (and the Scalar reference) that the API takes the bearer token from <c>/auth/login</c>.</summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    private const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "GrantHub API";
        document.Info.Description = "Core and emergency grant-making for women's rights organisations. " +
            "Sign in with POST /auth/login and send the accessToken as a bearer token.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            In = ParameterLocation.Header,
            Description = "The accessToken returned by POST /auth/login.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
        return Task.CompletedTask;
    }
}
