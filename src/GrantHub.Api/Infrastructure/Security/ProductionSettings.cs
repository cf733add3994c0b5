using System.Text.RegularExpressions;

namespace GrantHub.Api.Infrastructure.Security;

/// <summary>
/// The settings a Production installation cannot run without, checked before anything touches a database: the
/// application database, the funder's real legal name (stated in every agreement), the certificate that encrypts the
/// data-protection keys, the public address e-mailed links use when e-mail is on, no demo accounts, and no value
/// still holding a placeholder of the example settings file (<c>SET-…</c>, or an example.org/.com address).
/// </summary>
public static partial class ProductionSettings
{
    /// <summary>The funder's name used by the demo and the tests; a real installation states its own.</summary>
    public const string DemoFunderName = "GrantHub Women, Peace and Security Funders";

    /// <summary>The grants feature's agreement settings section (infrastructure does not reference features).</summary>
    private const string AgreementsSection = "Agreements";

    public const string ApiReferenceSetting = "ApiReference:Enabled";

    /// <summary>GrantHub's own sections, searched for placeholders (the process environment holds unrelated values).</summary>
    private static readonly string[] CheckedSections = ["ConnectionStrings", "Database", "Agreements", "Smtp", "Bootstrap", "App"];

    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return [];
        }

        var problems = new List<string>();
        Require(configuration, "ConnectionStrings:GrantHub", "the application database's connection string", problems);
        Require(configuration, $"{AgreementsSection}:FunderName", "the funder's legal name, as every grant agreement states it", problems);
        if (string.Equals(configuration[$"{AgreementsSection}:FunderName"]?.Trim(), DemoFunderName, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{AgreementsSection}:FunderName is still the demo funder's name; set the funder's legal name.");
        }

        if (DataProtectionKeyProtection.MissingSetting(configuration, environment) is { } missingCertificate)
        {
            problems.Add(missingCertificate);
        }

        if (FieldEncryptionSetup.MissingSetting(configuration, environment) is { } missingKeys)
        {
            problems.Add(missingKeys);
        }

        if (configuration.GetValue("Demo:Seed", false))
        {
            problems.Add("Demo:Seed must be false in Production: the demo accounts share a published password.");
        }

        if (!string.IsNullOrWhiteSpace(configuration["Smtp:Host"]) && string.IsNullOrWhiteSpace(configuration["App:PublicBaseUrl"]))
        {
            // Links in e-mails (password reset above all) must not be built from a request's Host header, which a caller chooses.
            problems.Add("App:PublicBaseUrl is missing: the address e-mailed links point to (e.g. https://grants.example.org), required when Smtp:Host is set.");
        }

        foreach (var (key, value) in CheckedSections.SelectMany(section => configuration.GetSection(section).AsEnumerable())
                     .Where(setting => setting.Value is not null)
                     .OrderBy(setting => setting.Key, StringComparer.Ordinal))
        {
            if (IsPlaceholder(value!) && !problems.Any(problem => problem.StartsWith(key + " ", StringComparison.Ordinal)))
            {
                problems.Add($"{key} still holds a placeholder of the example settings file.");
            }
        }

        return problems;
    }

    public static string Describe(IReadOnlyList<string> problems) =>
        "GrantHub did not start: Production needs these settings (appsettings.Production.json, environment variables such as " +
        "ConnectionStrings__GrantHub, or the command line; see the README's Configuration section):" + Environment.NewLine +
        string.Join(Environment.NewLine, problems.Select(problem => "  - " + problem));

    /// <summary>The OpenAPI document and the Scalar reference: served outside Production, in Production only when enabled.</summary>
    public static bool ServesApiReference(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue(ApiReferenceSetting, !environment.IsProduction());

    private static void Require(IConfiguration configuration, string key, string what, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(configuration[key]))
        {
            problems.Add($"{key} is missing: {what}.");
        }
    }

    private static bool IsPlaceholder(string value) => PlaceholderPattern().IsMatch(value);

    [GeneratedRegex(@"(?-i:\bSET-[A-Z])|@example\.(org|com)\b|(^|[/.])example\.(org|com)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
