using GrantHub.Core.Common;

namespace GrantHub.Tests.Domain;

public class MoneyTests
{
    [Theory]
    [InlineData("EUR", "12.34", 1234)]
    [InlineData("JPY", "1200", 1200)]
    [InlineData("KWD", "1.234", 1234)]
    [InlineData("BIF", "50000", 50000)]
    public void Amounts_convert_to_minor_units_of_their_currency(string currency, string amount, long minorUnits)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(minorUnits, Money.ToMinorUnits(value, currency));
        Assert.Equal(value, Money.FromMinorUnits(minorUnits, currency));
    }

    [Theory]
    [InlineData("EUR", "0.001")]
    [InlineData("JPY", "0.5")]
    [InlineData("XXX", "1")]
    public void Amounts_finer_than_the_currency_or_in_unknown_currencies_are_invalid(string currency, string amount)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(Money.HasValidPrecision(value, currency));
        Assert.Throws<ArgumentException>(() => Money.ToMinorUnits(value, currency));
    }

    [Theory]
    [InlineData("EUR", "12.345", "12.345 has more decimals than EUR allows.")]
    [InlineData("JPY", "0.5", "0.5 has more decimals than JPY allows.")]
    [InlineData("EUR", "1000000000000.01", "Amounts cannot exceed 1,000,000,000,000.")]
    [InlineData("KWD", "1.234", null)]
    public void One_check_says_why_an_amount_does_not_fit_its_currency(string currency, string amount, string? problem) =>
        Assert.Equal(problem, Money.AmountProblem(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency));

    [Fact]
    public void Money_adds_compares_and_prints_in_its_own_currency_only()
    {
        var award = Money.Of(150_000m, "EUR");
        var topUp = new Money(2_550, "EUR");

        Assert.Equal(new Money(15_002_550, "EUR"), award + topUp);
        Assert.True(topUp < award);
        Assert.Equal("150,025.50 EUR", (award + topUp).ToString());
        Assert.Equal("1,200 JPY", Money.Of(1_200m, "JPY").ToString());
        Assert.Throws<InvalidOperationException>(() => award + Money.Of(1m, "USD"));
    }

    [Theory]
    [InlineData("NP", true)]
    [InlineData("BI", true)]
    [InlineData("PS", true)]
    [InlineData("np", false)]
    [InlineData("ZZ", false)]
    [InlineData("NPL", false)]
    public void Country_codes_are_iso_alpha_2(string code, bool valid) => Assert.Equal(valid, Countries.IsValid(code));
}
