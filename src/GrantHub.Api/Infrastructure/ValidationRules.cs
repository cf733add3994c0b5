using FluentValidation;
using GrantHub.Core.Common;

namespace GrantHub.Api.Infrastructure;

public static class ValidationRules
{
    public static IRuleBuilderOptions<T, string> IsCurrencyCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(Currencies.IsKnown).WithMessage("'{PropertyValue}' is not an ISO 4217 currency code (e.g. EUR, USD, KES).");

    public static IRuleBuilderOptions<T, string> IsCountryCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(Countries.IsValid).WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 country code (e.g. NP, BI).");

    /// <summary>The amount has no more decimals than the currency's minor unit allows.</summary>
    public static IRuleBuilderOptions<T, decimal> FitsCurrency<T>(this IRuleBuilder<T, decimal> rule, Func<T, string?> currency) =>
        rule.Must((message, amount) => currency(message) is not { } code || !Currencies.IsKnown(code) || Money.HasValidPrecision(amount, code))
            .WithMessage((message, amount) => Math.Abs(amount) > Money.MaxAmount
                ? $"Amounts cannot exceed {Money.MaxAmount:N0}."
                : $"{amount} has more decimals than {currency(message)} allows.");

    /// <summary>For dates that arrive outside a JSON body (query strings), the same window the JSON reader enforces.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> IsBusinessDate<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(date => date is not { } value || JsonInput.IsBusinessDate(value)).WithMessage(JsonInput.BusinessDateMessage);

    public static IRuleBuilderOptions<T, decimal> IsPositiveAmount<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.GreaterThan(0).WithMessage("The amount must be greater than zero.");
}
