namespace GrantHub.Core.Common;

/// <summary>
/// A payment as the recipient's bank received it, when that differs from the fund's currency: the amount credited in
/// the currency received, the rate applied (units of the currency received per one unit of the fund's currency) and
/// the value date. Only recorded; every total, export and the agreement stay in the fund's currency.
/// </summary>
public sealed record PaymentAsReceived(Money Amount, decimal ExchangeRate, DateOnly ValueDate)
{
    /// <summary>Rates are kept to this many decimal places.</summary>
    public const int RateDecimals = 8;

    public const decimal MaxExchangeRate = 1_000_000_000m;

    /// <summary>Why the rate cannot be recorded, or null when it can: positive, at most 8 decimals, not absurdly large.</summary>
    public static string? ExchangeRateProblem(decimal rate) =>
        rate <= 0 ? "The exchange rate must be positive."
        : rate > MaxExchangeRate ? "The exchange rate is too large."
        : decimal.Round(rate, RateDecimals) != rate ? $"The exchange rate has at most {RateDecimals} decimals."
        : null;

    /// <summary>Checks the parts the way the API validators do; throws on anything they would have refused.</summary>
    public static PaymentAsReceived Of(decimal amount, string currency, decimal exchangeRate, DateOnly valueDate)
    {
        var problem = AmountProblem(amount, currency) ?? ExchangeRateProblem(exchangeRate);
        return problem is null
            ? new PaymentAsReceived(Money.Of(amount, currency), exchangeRate, valueDate)
            : throw new ArgumentException(problem);
    }

    /// <summary>Why the amount received cannot be recorded, or null: positive and fitting its currency.</summary>
    public static string? AmountProblem(decimal amount, string currency) =>
        Money.AmountProblem(amount, currency) ?? (amount <= 0 ? "The amount received must be positive." : null);
}
