namespace GrantHub.Api.Features.OpenData;

/// <summary>What is left of a sensitive organisation's country in an export.</summary>
public enum SensitiveLocation
{
    /// <summary>The UN M49 sub-region (e.g. Sub-Saharan Africa) instead of the country.</summary>
    Region,

    /// <summary>No location at all.</summary>
    Omit,
}

/// <summary>How precisely the dates of a grant that involves a sensitive organisation are published.</summary>
public enum DateGeneralisation
{
    Exact,

    /// <summary>Every date becomes the first day of its month.</summary>
    Month,

    /// <summary>Every date becomes the first of January of its year.</summary>
    Year,
}

/// <summary>The open-data exports (configuration section <c>OpenData</c>); see docs/open-data.md.</summary>
public sealed class OpenDataOptions
{
    public const string Section = "OpenData";
    public const int MinimumSecretLength = 32;

    /// <summary>Serve the last published files anonymously at <c>/open-data/...</c>.</summary>
    public bool Publish { get; set; }

    /// <summary>The publisher's prefix registered with 360Giving; every grant and organisation identifier starts with it.</summary>
    public string IdentifierPrefix { get; set; } = "360G-granthub";

    /// <summary>The funder's organisation identifier (org-id.guide), also the IATI reporting organisation.</summary>
    public string FunderIdentifier { get; set; } = "XI-IATI-GRANTHUB";

    public string FunderName { get; set; } = "GrantHub Women, Peace and Security Funders";

    /// <summary>IATI OrganisationType code of the reporting organisation (60 = foundation).</summary>
    public string FunderIatiType { get; set; } = "60";

    /// <summary>
    /// The deployment secret of the keyed hash that names sensitive organisations; at least 32 characters. Without it
    /// nothing is exported. Keep it stable: a new secret gives every sensitive organisation a new pseudonym.
    /// </summary>
    public string PseudonymSecret { get; set; } = "";

    /// <summary>Publish approved and paid emergency (rapid-response) grants too.</summary>
    public bool IncludeEmergencyGrants { get; set; } = true;

    public SensitiveLocation SensitiveLocation { get; set; } = SensitiveLocation.Region;

    /// <summary>Amounts of grants involving a sensitive organisation are rounded to this many major units (0: exact).</summary>
    public long SensitiveAmountRoundTo { get; set; } = 1000;

    public DateGeneralisation SensitiveDates { get; set; } = DateGeneralisation.Month;

    /// <summary>The language of the exports' neutral texts and region names when the request names none: en or fr.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Where the publish command writes the files the public endpoint serves; share it between instances.</summary>
    public string PublishFolder { get; set; } = "open-data";

    public string License { get; set; } = "https://creativecommons.org/licenses/by/4.0/";

    public bool IsValid() =>
        IdentifierPrefix.StartsWith("360G-", StringComparison.Ordinal)
        && !string.IsNullOrWhiteSpace(FunderIdentifier)
        && !string.IsNullOrWhiteSpace(FunderName)
        && (PseudonymSecret.Length == 0 || PseudonymSecret.Length >= MinimumSecretLength)
        && SensitiveAmountRoundTo >= 0
        && OpenDataTexts.IsSupported(Language)
        && !string.IsNullOrWhiteSpace(PublishFolder)
        && Uri.IsWellFormedUriString(License, UriKind.Absolute);
}

public static class OpenDataRegistration
{
    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddOptions<OpenDataOptions>()
            .BindConfiguration(OpenDataOptions.Section)
            .Validate(
                options => options.IsValid(),
                "OpenData: IdentifierPrefix must start with 360G-; FunderIdentifier and FunderName are required; PseudonymSecret is empty or at least 32 characters; SensitiveAmountRoundTo is not negative; Language is en or fr; License is an absolute URL.")
            .ValidateOnStart();
        services.AddScoped<OpenDataPortfolio>();
        services.AddSingleton<PublishedOpenDataFiles>();
        return services;
    }
}
