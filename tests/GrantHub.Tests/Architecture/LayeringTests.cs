using System.Reflection;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Funds;
using NetArchTest.Rules;

namespace GrantHub.Tests.Architecture;

/// <summary>
/// The layering, read from the compiled assemblies: Core knows nothing of the hosts, infrastructure knows no feature,
/// features meet only through each other's public messages and responses, and no namespace depends on itself in a
/// circle.
/// </summary>
public class LayeringTests
{
    private const string Features = "GrantHub.Api.Features";
    private const string Infrastructure = "GrantHub.Api.Infrastructure";

    private static readonly Assembly Core = typeof(Fund).Assembly;
    private static readonly Assembly Api = typeof(PipelineServices).Assembly;

    /// <summary>Read once: every namespace-to-namespace dependency among the features and the infrastructure parts.</summary>
    private static readonly Lazy<IReadOnlyList<(string From, string To)>> ApiDependencies =
        new(() => [.. Dependencies([.. Namespaces(Features), .. Namespaces(Infrastructure)])]);

    /// <summary>
    /// Which feature uses which, on purpose: deciding and assigning reviewers live with the applications they act on,
    /// cancelling a call closes its applications, the ranking reads review scores, disabling an account ends its sessions
    /// and so does hiding an organisation (the panic switch) for its members,
    /// finance's promise dashboard reads the emergency promise's settings and the accounting export names at-risk
    /// organisations by their open-data pseudonym. A new line here is a design decision.
    /// </summary>
    private static readonly (string From, string To)[] AllowedFeatureDependencies =
    [
        ("Applications", "Reviews"),
        ("Calls", "Applications"),
        ("Calls", "Reviews"),
        ("Finance", "Emergency"),
        ("Finance", "OpenData"),
        ("Organisations", "Auth"),
        ("Users", "Auth"),
    ];

    [Fact]
    public void Core_never_references_the_api_or_the_web_application()
    {
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), reference => reference.Name is "GrantHub.Api" or "GrantHub.Web");
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny("GrantHub.Api", "GrantHub.Web").GetResult();
        Assert.True(result.IsSuccessful, $"Core types that depend on a host: {Failing(result)}");
    }

    [Fact]
    public void Infrastructure_never_depends_on_a_feature()
    {
        var result = Types.InAssembly(Api).That().ResideInNamespace(Infrastructure).ShouldNot().HaveDependencyOn(Features).GetResult();
        Assert.True(result.IsSuccessful, $"Infrastructure types that depend on a feature: {Failing(result)}");
    }

    [Fact]
    public void Features_depend_on_each_other_only_where_intended()
    {
        var actual = ApiDependencies.Value
            .Where(edge => edge.From.StartsWith(Features, StringComparison.Ordinal) && edge.To.StartsWith(Features, StringComparison.Ordinal))
            .Select(edge => (From: Area(edge.From), To: Area(edge.To)))
            .OrderBy(edge => edge.From).ThenBy(edge => edge.To)
            .ToList();

        Assert.Equal(AllowedFeatureDependencies.OrderBy(edge => edge.From).ThenBy(edge => edge.To), actual);
    }

    [Fact]
    public void No_feature_reaches_into_another_features_handlers_validators_or_jobs()
    {
        var types = Types.InAssembly(Api);
        foreach (var feature in Namespaces(Features))
        {
            var internals = types.That().ResideInNamespace(feature).GetTypes()
                .Where(type => type.Name.EndsWith("Handler", StringComparison.Ordinal)
                    || type.Name.EndsWith("Validator", StringComparison.Ordinal)
                    || type.Name.EndsWith("Job", StringComparison.Ordinal))
                .Select(type => type.FullName!)
                .ToArray();
            if (internals.Length == 0)
            {
                continue;
            }

            foreach (var other in Namespaces(Features).Where(other => other != feature))
            {
                var result = types.That().ResideInNamespace(other).ShouldNot().HaveDependencyOnAny(internals).GetResult();
                Assert.True(result.IsSuccessful, $"{Area(other)} uses the internals of {Area(feature)}: {Failing(result)}");
            }
        }
    }

    [Fact]
    public void No_namespace_of_the_api_depends_on_itself_through_others()
    {
        var namespaces = Namespaces(Features).Concat(Namespaces(Infrastructure)).ToList();
        var edges = ApiDependencies.Value.ToLookup(edge => edge.From, edge => edge.To);

        foreach (var start in namespaces)
        {
            var path = CycleFrom(start, start, edges, [start]);
            Assert.True(path is null, $"Namespace cycle: {string.Join(" → ", path ?? [])}");
        }
    }

    private static List<string>? CycleFrom(string start, string current, ILookup<string, string> edges, List<string> path)
    {
        foreach (var next in edges[current])
        {
            if (next == start)
            {
                return [.. path, next];
            }

            if (!path.Contains(next) && CycleFrom(start, next, edges, [.. path, next]) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    /// <summary>The namespaces one level below <paramref name="parent"/> (a feature area, an infrastructure part).</summary>
    private static IReadOnlyList<string> Namespaces(string parent) =>
        [.. Api.GetTypes()
            .Select(type => type.Namespace)
            .OfType<string>()
            .Where(name => name.StartsWith(parent + ".", StringComparison.Ordinal))
            .Select(name => parent + "." + name[(parent.Length + 1)..].Split('.')[0])
            .Distinct()
            .Order()];

    private static IEnumerable<(string From, string To)> Dependencies(IReadOnlyList<string> namespaces)
    {
        var types = Types.InAssembly(Api);
        return
            from source in namespaces
            from target in namespaces
            where source != target && !types.That().ResideInNamespace(source).ShouldNot().HaveDependencyOn(target).GetResult().IsSuccessful
            select (source, target);
    }

    private static string Area(string name) => name[(name.LastIndexOf('.') + 1)..];

    private static string Failing(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);
}
