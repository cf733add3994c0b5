using System.Collections.Frozen;
using System.Globalization;

namespace GrantHub.Core.Common;

/// <summary>ISO 3166-1 alpha-2 country codes, as known to .NET's region data.</summary>
public static class Countries
{
    // Territories that may lack a specific culture in ICU data but are valid ISO 3166 codes.
    private static readonly string[] ExtraCodes = ["PS", "EH", "SS"];

    private static readonly FrozenSet<string> Codes = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture => TryRegion(culture.Name))
        .OfType<RegionInfo>()
        .Select(region => region.TwoLetterISORegionName)
        .Where(code => code.Length == 2 && code.All(char.IsAsciiLetterUpper))
        .Concat(ExtraCodes)
        .ToFrozenSet(StringComparer.Ordinal);

    public static bool IsValid(string? code) => code is { Length: 2 } && Codes.Contains(code);

    private static RegionInfo? TryRegion(string cultureName)
    {
        try
        {
            return new RegionInfo(cultureName);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
