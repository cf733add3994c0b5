using System.Globalization;

namespace GrantHub.Core.Common;

/// <summary>
/// An amount of money: integer minor units of one ISO 4217 currency. The API speaks decimal amounts in the
/// currency's major unit; the database stores the minor units as a long, because SQLite cannot sum or compare
/// decimals in SQL. <see cref="AmountProblem"/> is the one check of a decimal amount against its currency.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    /// <summary>The largest amount GrantHub accepts, in any currency: far above any fund, far below overflow.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public Money(long minorUnits, string currency)
    {
        if (!Currencies.IsKnown(currency))
        {
            throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code.", nameof(currency));
        }

        MinorUnits = minorUnits;
        Currency = currency;
    }

    public long MinorUnits { get; }

    public string Currency { get; }

    /// <summary>The amount in the currency's major unit, as the API shows it.</summary>
    public decimal Amount => FromMinorUnits(MinorUnits, Currency);

    /// <summary>A decimal amount from the API; throws when <see cref="AmountProblem"/> finds one (validators check first).</summary>
    public static Money Of(decimal amount, string currency) => new(ToMinorUnits(amount, currency), currency);

    public static Money Zero(string currency) => new(0, currency);

    public bool IsPositive => MinorUnits > 0;

    public bool IsNegative => MinorUnits < 0;

    /// <summary>The sum of amounts in one currency; zero when there are none.</summary>
    public static Money Sum(IEnumerable<Money> amounts, string currency) => amounts.Aggregate(Zero(currency), (sum, amount) => sum + amount);

    /// <summary>This amount times <paramref name="part"/> / <paramref name="whole"/>, rounded down: a proportional share.</summary>
    public Money ScaledBy(Money part, Money whole) =>
        new((long)((Int128)MinorUnits * part.SameCurrencyAs(this).MinorUnits / whole.SameCurrencyAs(this).MinorUnits), Currency);

    /// <summary>Why the amount cannot be held in the currency, or null when it can: too large, finer than the minor unit, or an unknown currency.</summary>
    public static string? AmountProblem(decimal amount, string currency)
    {
        if (!Currencies.IsKnown(currency))
        {
            return $"'{currency}' is not an ISO 4217 currency code.";
        }

        if (Math.Abs(amount) > MaxAmount)
        {
            return $"Amounts cannot exceed {MaxAmount.ToString("N0", CultureInfo.InvariantCulture)}.";
        }

        var scaled = amount * Pow10(Currencies.MinorUnitDigits(currency));
        return scaled == decimal.Truncate(scaled) ? null : $"{amount.ToString(CultureInfo.InvariantCulture)} has more decimals than {currency} allows.";
    }

    /// <summary>The amount is at most <see cref="MaxAmount"/> and has no more decimals than the currency's minor unit.</summary>
    public static bool HasValidPrecision(decimal amount, string currency) => AmountProblem(amount, currency) is null;

    public static long ToMinorUnits(decimal amount, string currency) =>
        AmountProblem(amount, currency) is { } problem
            ? throw new ArgumentException(problem, nameof(amount))
            : (long)(amount * Pow10(Currencies.MinorUnitDigits(currency)));

    public static decimal FromMinorUnits(long minorUnits, string currency) =>
        minorUnits / Pow10(Currencies.MinorUnitDigits(currency));

    public static Money operator +(Money left, Money right) => new(checked(left.MinorUnits + right.SameCurrencyAs(left).MinorUnits), left.Currency);

    public static Money operator -(Money left, Money right) => new(checked(left.MinorUnits - right.SameCurrencyAs(left).MinorUnits), left.Currency);

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public int CompareTo(Money other) => MinorUnits.CompareTo(other.SameCurrencyAs(this).MinorUnits);

    /// <summary>"150,000.00 EUR": grouped, with exactly the currency's minor-unit digits.</summary>
    public override string ToString() =>
        $"{Amount.ToString("N" + Currencies.MinorUnitDigits(Currency), CultureInfo.InvariantCulture)} {Currency}";

    private Money SameCurrencyAs(Money other) =>
        Currency == other.Currency
            ? this
            : throw new InvalidOperationException($"Cannot combine {Currency} with {other.Currency}.");

    private static decimal Pow10(int digits) => digits switch
    {
        0 => 1m,
        2 => 100m,
        3 => 1000m,
        _ => (decimal)Math.Pow(10, digits),
    };
}
