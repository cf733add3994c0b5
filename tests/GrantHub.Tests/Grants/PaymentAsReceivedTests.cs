using System.Globalization;
using System.Net;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Features.Finance;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Grants;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Grants;

/// <summary>A payment may also record how it arrived: the amount in the currency received, the rate and the value date.</summary>
public class PaymentAsReceivedTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private async Task<GrantScenario> GrantWithApprovedFirstTranche()
    {
        var scenario = await factory.AwardGrant(startDate: factory.Today());
        await factory.Activate(scenario);
        await (await (await factory.Finance()).Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);
        return scenario;
    }

    private TranchePaymentRequest Payment(string reference, decimal? amount = 4_185_000m, string? currency = "KES", decimal? rate = 139.5m, int? valueDays = 2) =>
        new(reference, factory.Today(), amount, currency, rate, valueDays is { } days ? factory.Today().AddDays(days) : null);

    [Fact]
    public async Task A_tranche_payment_records_the_amount_received_its_rate_and_value_date_and_shows_them()
    {
        var scenario = await GrantWithApprovedFirstTranche();
        var finance = await factory.Finance();

        var paid = await (await finance.PostJson($"{scenario.Url}/tranches/1/payment", Payment("BANK-KES-1"))).ReadAs<TrancheResponse>();

        var expected = new PaymentAsReceivedResponse(4_185_000m, "KES", 139.5m, factory.Today().AddDays(2));
        Assert.Equal((TrancheStatus.Paid, 30_000m, expected), (paid.Status, paid.Amount, paid.AsReceived));
        Assert.Equal(expected, (await factory.Tranche(scenario, 1)).AsReceived);
        Assert.Null((await factory.Tranche(scenario, 2)).AsReceived);
    }

    [Fact]
    public async Task The_payments_export_stays_in_the_funds_currency_when_a_payment_was_received_in_another()
    {
        var scenario = await GrantWithApprovedFirstTranche();
        var finance = await factory.Finance();
        await (await finance.PostJson($"{scenario.Url}/tranches/1/payment", Payment("BANK-KES-EXPORT"))).ShouldBe(HttpStatusCode.OK);

        var payments = await (await finance.GetAsync($"/api/finance/payments?from={factory.Today():yyyy-MM-dd}&to={factory.Today():yyyy-MM-dd}"))
            .ReadAs<PaymentsResponse>();

        var row = Assert.Single(payments.Items, p => p.Reference == "BANK-KES-EXPORT");
        Assert.Equal((30_000m, scenario.Fund.Currency), (row.Amount, row.Currency));
        Assert.Equal(["date", "fund", "grant_or_request", "organisation", "amount", "currency", "reference"], PaymentsResponse.Columns);
    }

    [Theory]
    [InlineData(null, "KES", "139.5", 2, "receivedAmount")]
    [InlineData("4185000", null, "139.5", 2, "receivedAmount")]
    [InlineData("4185000", "KES", null, 2, "receivedAmount")]
    [InlineData("4185000", "KES", "139.5", null, "receivedAmount")]
    [InlineData("4185000", "XYZ", "139.5", 2, "receivedCurrency")]
    [InlineData("4185000.005", "KES", "139.5", 2, "receivedAmount")]
    [InlineData("30000.5", "JPY", "139.5", 2, "receivedAmount")]
    [InlineData("-5", "KES", "139.5", 2, "receivedAmount")]
    [InlineData("4185000", "KES", "0", 2, "exchangeRate")]
    [InlineData("4185000", "KES", "139.123456789", 2, "exchangeRate")]
    [InlineData("4185000", "KES", "139.5", -1, "valueDate")]
    public async Task A_partial_or_wrong_payment_as_received_is_invalid_and_records_nothing(
        string? amount, string? currency, string? rate, int? valueDays, string field)
    {
        var scenario = await GrantWithApprovedFirstTranche();

        await (await (await factory.Finance()).PostJson(
                $"{scenario.Url}/tranches/1/payment",
                Payment("BANK-BAD", Parse(amount), currency, Parse(rate), valueDays)))
            .ShouldBeInvalid(field);

        var tranche = await factory.Tranche(scenario, 1);
        Assert.Equal((TrancheStatus.Approved, null), (tranche.Status, tranche.AsReceived));
    }

    private static decimal? Parse(string? value) => value is null ? null : decimal.Parse(value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_emergency_payment_records_how_it_was_received_and_refuses_a_partial_one()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(currency: "USD");
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 1_500m));
        var finance = await factory.Finance();
        await (await finance.Approve(request.Id)).ShouldBe(HttpStatusCode.OK);
        var url = $"/api/emergency-requests/{request.Id}/payment";

        await (await finance.PostJson(url, new EmergencyPaymentInput("BANK-XOF-1", factory.Today(), ReceivedAmount: 900_000m, ReceivedCurrency: "XOF")))
            .ShouldBeInvalid("receivedAmount");
        await (await finance.PostJson(url, new EmergencyPaymentInput("BANK-XOF-1", factory.Today(), 900_000.5m, "XOF", 600m, factory.Today())))
            .ShouldBeInvalid("receivedAmount");
        var paid = await (await finance.PostJson(url, new EmergencyPaymentInput("BANK-XOF-1", factory.Today(), 900_000m, "XOF", 600m, factory.Today())))
            .ReadAs<EmergencyRequestResponse>();

        Assert.Equal((1_500m, "USD"), (paid.Amount, paid.Currency));
        Assert.Equal(new PaymentAsReceivedResponse(900_000m, "XOF", 600m, factory.Today()), paid.AsReceived);
        var read = await (await finance.GetAsync($"/api/emergency-requests/{request.Id}")).ReadAs<EmergencyRequestResponse>();
        Assert.Equal(paid.AsReceived, read.AsReceived);
    }
}
