using FluentValidation;
using GrantHub.Core.Common;

namespace GrantHub.Api.Infrastructure.Pipeline;

public static class ValidationRules
{
    public static IRuleBuilderOptions<T, string> IsCurrencyCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(Currencies.IsKnown).WithMessage("'{PropertyValue}' is not an ISO 4217 currency code (e.g. EUR, USD, KES).");

    public static IRuleBuilderOptions<T, string> IsCountryCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(Countries.IsValid).WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 country code (e.g. NP, BI).");

    /// <summary>The amount fits the currency (<see cref="Money.AmountProblem"/>); an unknown currency is left to its own rule.</summary>
    public static IRuleBuilderOptionsConditions<T, decimal> FitsCurrency<T>(this IRuleBuilder<T, decimal> rule, Func<T, string?> currency) =>
        rule.Custom((amount, context) => context.AddAmountProblem(amount, currency(context.InstanceToValidate)));

    /// <summary>The amount fits the currency looked up for the command (null when the object is absent: the handler answers 404).</summary>
    public static IRuleBuilderOptionsConditions<T, decimal?> FitsCurrency<T>(
        this IRuleBuilder<T, decimal?> rule, Func<T, CancellationToken, Task<string?>> currency) =>
        rule.CustomAsync(async (amount, context, cancellationToken) =>
        {
            if (amount is { } value)
            {
                context.AddAmountProblem(value, await currency(context.InstanceToValidate, cancellationToken));
            }
        });

    /// <inheritdoc cref="FitsCurrency{T}(IRuleBuilder{T, decimal?}, Func{T, CancellationToken, Task{string?}})"/>
    public static IRuleBuilderOptionsConditions<T, decimal> FitsCurrency<T>(
        this IRuleBuilder<T, decimal> rule, Func<T, CancellationToken, Task<string?>> currency) =>
        rule.CustomAsync(async (amount, context, cancellationToken) =>
            context.AddAmountProblem(amount, await currency(context.InstanceToValidate, cancellationToken)));

    /// <summary>Adds a failure on the property being validated when the amount does not fit the currency.</summary>
    public static void AddAmountProblem<T>(this ValidationContext<T> context, decimal amount, string? currency) =>
        context.AddAmountProblem(context.PropertyPath, amount, currency);

    /// <summary>Adds a failure on <paramref name="property"/> when the amount does not fit the currency.</summary>
    public static void AddAmountProblem<T>(this ValidationContext<T> context, string property, decimal amount, string? currency)
    {
        if (currency is not null && Currencies.IsKnown(currency) && Money.AmountProblem(amount, currency) is { } problem)
        {
            context.AddFailure(property, problem);
        }
    }

    public static IRuleBuilderOptions<T, decimal> IsPositiveAmount<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.GreaterThan(0).WithMessage("The amount must be greater than zero.");
}
