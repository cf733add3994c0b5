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
    [InlineData("NP", true)]
    [InlineData("BI", true)]
    [InlineData("PS", true)]
    [InlineData("np", false)]
    [InlineData("ZZ", false)]
    [InlineData("NPL", false)]
    public void Country_codes_are_iso_alpha_2(string code, bool valid) => Assert.Equal(valid, Countries.IsValid(code));
}
