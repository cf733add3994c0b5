namespace GrantHub.Core.Common;

/// <summary>
/// Converts between API amounts (decimal, in the currency's major unit) and stored amounts
/// (integer minor units). SQLite cannot sum or compare decimals in SQL, so every amount is a long.
/// </summary>
public static class Money
{
    public static bool HasValidPrecision(decimal amount, string currency)
    {
        if (!Currencies.IsKnown(currency))
        {
            return false;
        }

        var scaled = amount * Pow10(Currencies.MinorUnitDigits(currency));
        return scaled == decimal.Truncate(scaled) && Math.Abs(scaled) <= long.MaxValue / 4;
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
