using System.Globalization;

namespace GrantHub.Agreements.Composition;

/// <summary>How amounts and dates read in the agreement, independent of the server's culture.</summary>
internal static class AgreementFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly HashSet<string> CurrenciesWithoutMinorUnits =
    [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
    ];

    private static readonly HashSet<string> CurrenciesWithThreeMinorDigits =
    [
        "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND",
    ];

    /// <summary>"USD 1,250,000.00", "XOF 15,000,000".</summary>
    public static string Money(decimal amount, string currency)
    {
        var code = currency.Trim().ToUpperInvariant();
        return $"{code} {amount.ToString("N" + MinorDigits(code), Invariant)}";
    }

    /// <summary>"1 March 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Invariant);

    /// <summary>"1 March 2026, 09:30 UTC".</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", Invariant);

    private static int MinorDigits(string currencyCode) =>
        CurrenciesWithoutMinorUnits.Contains(currencyCode) ? 0
        : CurrenciesWithThreeMinorDigits.Contains(currencyCode) ? 3
        : 2;
}
