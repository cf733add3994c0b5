using System.Text.Json;
using System.Xml;
using System.Xml.Schema;
using Json.Schema;

namespace GrantHub.Tests.OpenData;

/// <summary>
/// The vendored official schemas (Standards/), loaded offline: the 360Giving package schema with the grant schema
/// registered under the published URL the package refers to, format assertion on; and the IATI 2.03 activities XSD.
/// </summary>
public static class OfficialSchemas
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "OpenData", "Standards");

    /// <summary>Where the package schema's <c>grants.items</c> <c>$ref</c> points.</summary>
    public const string PublishedGrantSchemaUrl = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json";

    private static readonly Lazy<JsonSchema> Package = new(BuildPackageSchema);
    private static readonly Lazy<XmlSchemaSet> Iati = new(BuildIatiSchemaSet);

    public static IReadOnlyList<string> Validate360Giving(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Package.Value.Evaluate(
            document.RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => !d.IsValid && d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {d.EvaluationPath}: {e.Key} {e.Value}")).Take(20)];
    }

    public static IReadOnlyList<string> ValidateIati(Stream xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Iati.Value, DtdProcessing = DtdProcessing.Prohibit };
        // Warnings are elements of other namespaces, which the standard lets publishers add (lax): only errors count.
        settings.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
            {
                errors.Add($"line {e.Exception?.LineNumber}: {e.Message}");
            }
        };
        using var reader = XmlReader.Create(xml, settings);
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (XmlException malformed)
        {
            errors.Add($"malformed: {malformed.Message}");
        }

        return errors;
    }

    public static IReadOnlyList<string> ValidateIati(byte[] xml) => ValidateIati(new MemoryStream(xml));

    private static JsonSchema BuildPackageSchema()
    {
        var registry = new SchemaRegistry();
        // The schemas name their dialect with http://, not the official https:// URI: declare that it is 2020-12.
        var dialects = new DialectRegistry();
        dialects.Register(Dialect.Draft202012.With([], new Uri("http://json-schema.org/draft/2020-12/schema")));
        var options = new BuildOptions { SchemaRegistry = registry, DialectRegistry = dialects, Dialect = Dialect.Draft202012 };
        var grant = JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, "360giving", "360-giving-schema.json")), options, new Uri(PublishedGrantSchemaUrl));
        registry.Register(new Uri(PublishedGrantSchemaUrl), grant);
        return JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, "360giving", "360-giving-package-schema.json")), options);
    }

    private static XmlSchemaSet BuildIatiSchemaSet()
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var folder = Path.Combine(Folder, "iati-2.03");
        using (var reader = XmlReader.Create(Path.Combine(folder, "iati-activities-schema.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse }))
        {
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }
}
