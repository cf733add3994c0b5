using System.Linq.Expressions;
using GrantHub.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GrantHub.Core.Data;

/// <summary>
/// How an amount of <see cref="Money"/> is stored: two columns of its entity's table, the minor units under the
/// property's name and the currency in <c>Currency</c>, one column shared by every amount of the row (a fund's
/// budget, committed and disbursed amounts are in the fund's one currency).
/// </summary>
internal static class MoneyMapping
{
    public const string CurrencyColumn = "Currency";

    /// <summary>An amount as an EF complex type: queries read its parts, e.g. <c>SumAsync(r =&gt; r.Amount.MinorUnits)</c>.</summary>
    public static EntityTypeBuilder<TEntity> HasMoney<TEntity>(this EntityTypeBuilder<TEntity> builder, Expression<Func<TEntity, Money>> amount)
        where TEntity : class
    {
        var column = ((MemberExpression)amount.Body).Member.Name;
        builder.ComplexProperty(amount, money =>
        {
            money.Property(m => m.MinorUnits).HasColumnName(column);
            money.Property(m => m.Currency).HasColumnName(CurrencyColumn).HasMaxLength(3).IsFixedLength();
        });
        return builder;
    }

    /// <summary>
    /// The currency column of an entity that keeps its amount in private fields because EF cannot map a complex type
    /// there (inside an owned type, or an optional amount): <paramref name="currencyField"/> holds the currency.
    /// </summary>
    public static PropertyBuilder<string> HasCurrencyField(this EntityTypeBuilder builder, string currencyField) =>
        builder.Property<string>(currencyField).HasColumnName(CurrencyColumn).HasMaxLength(3).IsFixedLength();

    /// <inheritdoc cref="HasCurrencyField(EntityTypeBuilder, string)"/>
    public static PropertyBuilder<string> HasCurrencyField(this OwnedNavigationBuilder builder, string currencyField) =>
        builder.Property<string>(currencyField).HasColumnName(CurrencyColumn).HasMaxLength(3).IsFixedLength();

    /// <summary>
    /// The optional payment as received (<see cref="PaymentAsReceived"/>) of a paid tranche or emergency request, kept
    /// by the entity in four private fields.
    /// </summary>
    public static void HasPaymentAsReceivedFields(this EntityTypeBuilder builder)
    {
        builder.Property<long?>("receivedMinorUnits").HasColumnName("ReceivedAmount");
        builder.Property<string?>("receivedCurrency").HasColumnName("ReceivedCurrency").HasMaxLength(3).IsFixedLength();
        builder.Property<decimal?>("receivedExchangeRate").HasColumnName("ExchangeRate").HasPrecision(18, PaymentAsReceived.RateDecimals);
        builder.Property<DateOnly?>("receivedValueDate").HasColumnName("ValueDate");
    }
}
