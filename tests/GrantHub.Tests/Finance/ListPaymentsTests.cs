using System.Globalization;
using System.Net;
using System.Text;
using GrantHub.Api.Features.Finance;
using GrantHub.Core.Emergency;
using GrantHub.Core.Grants;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.OpenData;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;

namespace GrantHub.Tests.Finance;

/// <summary>Payments in a period for accounting, as JSON and as the CSV a spreadsheet opens.</summary>
public class ListPaymentsTests(OpenDataFactory factory) : IClassFixture<OpenDataFactory>
{
    [Fact]
    public async Task The_csv_read_by_a_csv_parser_holds_exactly_the_payments_of_the_period_in_the_database_with_at_risk_payees_by_pseudonym()
    {
        var scenario = await factory.AwardGrant(sensitiveLead: true);
        await factory.Activate(scenario);
        await factory.ApproveAndPay(scenario, 1);
        var member = await factory.NewOrganisationMember(name: "Collectif, \"Les Voix\"");
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 1_234.5m));
        var finance = await factory.Finance();
        await (await finance.Approve(request.Id)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Pay(request.Id, factory.Today(), "=SUM(A1)")).ShouldBe(HttpStatusCode.OK);
        var today = factory.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await finance.GetAsync($"/api/finance/payments.csv?from={today}&to={today}");

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var csv = Sep.Reader(options => options with { Sep = new Sep(','), Unescape = true }).FromText(Encoding.UTF8.GetString(bytes[3..]));
        var header = csv.Header.ColNames.ToList();
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in csv)
        {
            var cells = new Dictionary<string, string>();
            foreach (var column in header)
            {
                cells[column] = row[column].ToString();
            }

            rows.Add(cells);
        }

        Assert.Equal(PaymentsResponse.Columns, header);
        var expected = await factory.WithDb(async db =>
        {
            var day = factory.Today();
            var tranches = await db.Tranches.Where(t => t.Status == TrancheStatus.Paid && t.PaidOn == day)
                .Select(t => new { t.PaymentReference, t.Amount }).ToListAsync();
            var requests = await db.EmergencyRequests.Where(r => r.Status == EmergencyRequestStatus.Paid && r.PaidOn == day)
                .Select(r => new { r.PaymentReference, r.Amount }).ToListAsync();
            return tranches.Select(t => (t.PaymentReference!, t.Amount.Amount))
                .Concat(requests.Select(r => (r.PaymentReference!, r.Amount.Amount))).ToList();
        });
        Assert.Equal(
            expected.Select(e => e.Item2).Order(),
            rows.Select(r => decimal.Parse(r["amount"], CultureInfo.InvariantCulture)).Order());
        Assert.All(rows, r => Assert.Equal(today, r["date"]));

        var emergency = Assert.Single(rows, r => r["grant_or_request"] == $"ER-{request.Id:N}");
        Assert.Equal("Collectif, \"Les Voix\"", emergency["organisation"]);
        Assert.Equal("1234.50", emergency["amount"]);
        Assert.Equal("'=SUM(A1)", emergency["reference"]);
        var grantNumber = (await factory.GetGrant(scenario)).GrantNumber;
        var tranche = Assert.Single(rows, r => r["grant_or_request"] == $"{grantNumber}/1");
        Assert.StartsWith("360G-granthub-ANON-", tranche["organisation"]);
        Assert.DoesNotContain("Lead collective", Encoding.UTF8.GetString(bytes));
        Assert.Equal(scenario.Fund.Name, tranche["fund"]);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_and_a_programme_officer_may_not_export()
    {
        var finance = await factory.Finance();
        await (await finance.GetAsync("/api/finance/payments?from=2026-03-02&to=2026-03-01")).ShouldBeInvalid("to");
        await (await finance.GetAsync("/api/finance/payments.csv")).ShouldBeInvalid("from");
        await (await (await factory.Officer()).GetAsync("/api/finance/payments?from=2026-03-01&to=2026-03-02")).ShouldBe(HttpStatusCode.Forbidden);
    }
}
