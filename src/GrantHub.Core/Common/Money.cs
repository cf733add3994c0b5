namespace GrantHub.Core.Common;

/// <summary>
/// Converts between API amounts (decimal, in the currency's major unit) and stored amounts
/// (integer minor units). SQLite cannot sum or compare decimals in SQL, so every amount is a long.
/// </summary>
public static class Money
{
    /// <summary>The largest amount GrantHub accepts, in any currency: far above any fund, far below overflow.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>The amount is at most <see cref="MaxAmount"/> and has no more decimals than the currency's minor unit.</summary>
    public static bool HasValidPrecision(decimal amount, string currency)
    {
        if (!Currencies.IsKnown(currency) || Math.Abs(amount) > MaxAmount)
        {
            return false;
        }

        var scaled = amount * Pow10(Currencies.MinorUnitDigits(currency));
        return scaled == decimal.Truncate(scaled);
    }

    public static long ToMinorUnits(decimal amount, string currency)
    {
        if (!HasValidPrecision(amount, currency))
        {
            throw new ArgumentException($"{amount} has more decimals than {currency} allows.", nameof(amount));
        }

        return (long)(amount * Pow10(Currencies.MinorUnitDigits(currency)));
    }

    public static decimal FromMinorUnits(long minorUnits, string currency) =>
        minorUnits / Pow10(Currencies.MinorUnitDigits(currency));

    private static decimal Pow10(int digits) => digits switch
    {
        0 => 1m,
        2 => 100m,
        3 => 1000m,
        _ => (decimal)Math.Pow(10, digits),
    };
}
