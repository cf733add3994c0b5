using System.Text.Json.Serialization.Metadata;
using GrantHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GrantHub.Tests.Operations;

/// <summary>
/// A body type missing from <c>ApiJsonContext</c> still works, through the reflection resolver behind it, so only this
/// test notices that the start builds its metadata by reflection again.
/// </summary>
public class ApiJsonContextTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public void Every_body_the_API_reads_or_writes_has_metadata_generated_at_compile_time()
    {
        var options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var generated = options.TypeInfoResolverChain.Where(resolver => resolver is not DefaultJsonTypeInfoResolver).ToList();
        var bodies = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(endpoint => endpoint.Metadata.OfType<IAcceptsMetadata>()
                .Where(accepts => accepts.ContentTypes.Any(IsJson)).Select(accepts => accepts.RequestType)
                .Concat(endpoint.Metadata.OfType<IProducesResponseTypeMetadata>()
                    .Where(produces => produces.ContentTypes.Any(IsJson)).Select(produces => produces.Type)))
            .OfType<Type>()
            .Where(type => type != typeof(void))
            .Distinct()
            .ToList();

        var byReflection = bodies
            .Where(type => generated.All(resolver => resolver.GetTypeInfo(type, options) is null))
            .Select(type => type.ToString())
            .Order()
            .ToList();

        Assert.True(bodies.Count > 90, $"only {bodies.Count} bodies");
        Assert.Empty(byReflection);
    }

    private static bool IsJson(string contentType) => contentType.Contains("json", StringComparison.OrdinalIgnoreCase);
}
