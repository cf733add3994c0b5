using FluentValidation;
using GrantHub.Core.Common;

namespace GrantHub.Api.Infrastructure.Pipeline;

/// <summary>
/// A payment command that may also record the payment as received (<see cref="PaymentAsReceived"/>): the amount in the
/// currency received, the exchange rate and the value date, all given or none.
/// </summary>
public interface IRecordsPaymentAsReceived
{
    DateOnly? PaidOn { get; }
    decimal? ReceivedAmount { get; }
    string? ReceivedCurrency { get; }
    decimal? ExchangeRate { get; }
    DateOnly? ValueDate { get; }
}

/// <summary>All or none of the parts, the amount fitting its ISO 4217 currency, a sensible rate, a value date not before the payment.</summary>
public sealed class PaymentAsReceivedValidator : AbstractValidator<IRecordsPaymentAsReceived>
{
    public PaymentAsReceivedValidator()
    {
        RuleFor(c => c)
            .Must(c => AnyGiven(c) == AllGiven(c))
            .WithName("ReceivedAmount")
            .OverridePropertyName("ReceivedAmount")
            .WithMessage("Give the amount received with its currency, the exchange rate and the value date together, or none of them.");
        When(AllGiven, () =>
        {
            RuleFor(c => c.ReceivedCurrency!).IsCurrencyCode().OverridePropertyName(nameof(IRecordsPaymentAsReceived.ReceivedCurrency));
            RuleFor(c => c.ReceivedAmount!.Value)
                .Custom((amount, context) =>
                {
                    if (Currencies.IsKnown(context.InstanceToValidate.ReceivedCurrency)
                        && PaymentAsReceived.AmountProblem(amount, context.InstanceToValidate.ReceivedCurrency!) is { } problem)
                    {
                        context.AddFailure(nameof(IRecordsPaymentAsReceived.ReceivedAmount), problem);
                    }
                });
            RuleFor(c => c.ExchangeRate!.Value)
                .Must(rate => PaymentAsReceived.ExchangeRateProblem(rate) is null)
                .WithMessage(c => PaymentAsReceived.ExchangeRateProblem(c.ExchangeRate!.Value))
                .OverridePropertyName(nameof(IRecordsPaymentAsReceived.ExchangeRate));
            RuleFor(c => c.ValueDate!.Value)
                .Must((c, valueDate) => c.PaidOn is not { } paidOn || valueDate >= paidOn)
                .WithMessage("The value date cannot be before the payment date.")
                .OverridePropertyName(nameof(IRecordsPaymentAsReceived.ValueDate));
        });
    }

    private static bool AllGiven(IRecordsPaymentAsReceived c) =>
        c.ReceivedAmount is not null && !string.IsNullOrWhiteSpace(c.ReceivedCurrency) && c.ExchangeRate is not null && c.ValueDate is not null;

    private static bool AnyGiven(IRecordsPaymentAsReceived c) =>
        c.ReceivedAmount is not null || !string.IsNullOrWhiteSpace(c.ReceivedCurrency) || c.ExchangeRate is not null || c.ValueDate is not null;
}

public static class PaymentAsReceivedInput
{
    /// <summary>The payment as received the (validated) command gives, or null when it gives none.</summary>
    public static PaymentAsReceived? AsReceived(this IRecordsPaymentAsReceived command) =>
        command is { ReceivedAmount: { } amount, ReceivedCurrency: { } currency, ExchangeRate: { } rate, ValueDate: { } valueDate }
            ? PaymentAsReceived.Of(amount, currency, rate, valueDate)
            : null;

    public static PaymentAsReceivedResponse? ToResponse(this PaymentAsReceived? asReceived) =>
        asReceived is null ? null : new PaymentAsReceivedResponse(asReceived.Amount.Amount, asReceived.Amount.Currency, asReceived.ExchangeRate, asReceived.ValueDate);
}

/// <summary>A payment as received: <c>amount</c> in <c>currency</c>, at <c>exchangeRate</c> units per one unit of the fund's currency.</summary>
public record PaymentAsReceivedResponse(decimal Amount, string Currency, decimal ExchangeRate, DateOnly ValueDate);
