using System.Globalization;
using System.Text.Json;
using GrantHub.Api.Features.OpenData;
using GrantHub.Core.Emergency;
using GrantHub.Core.Grants;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.OpenData;

/// <summary>With amounts published exactly (SensitiveAmountRoundTo = 0), every export adds up to the database.</summary>
public class OpenDataTotalsTests(ExactAmountsPortfolioFixture fixture) : IClassFixture<ExactAmountsPortfolioFixture>
{
    [Fact]
    public async Task Every_export_agrees_with_the_database_on_counts_and_totals()
    {
        var expected = await fixture.Factory.WithDb(async db =>
        {
            var grants = db.Grants.Where(g => g.Status == GrantStatus.Active || g.Status == GrantStatus.Closed || g.Status == GrantStatus.Terminated);
            var emergency = db.EmergencyRequests.Where(e => e.Status == EmergencyRequestStatus.Approved || e.Status == EmergencyRequestStatus.Paid);
            var paidTranches = grants.SelectMany(g => g.Tranches).Where(t => t.Status == TrancheStatus.Paid);
            return new
            {
                Count = await grants.CountAsync() + await emergency.CountAsync(),
                Awarded = (await grants.SumAsync(g => g.Amount.MinorUnits) + await emergency.SumAsync(e => e.Amount.MinorUnits)) / 100m,
                Disbursed = (await paidTranches.SumAsync(t => t.Amount.MinorUnits) + await emergency.Where(e => e.Status == EmergencyRequestStatus.Paid).SumAsync(e => e.Amount.MinorUnits)) / 100m,
            };
        });
        Assert.Equal(5, expected.Count);

        using var package = JsonDocument.Parse(await OpenDataFactory.Export(fixture.Factory.Services, OpenDataFormat.ThreeSixtyGivingJson));
        var grants = package.RootElement.GetProperty("grants").EnumerateArray().ToList();
        Assert.Equal(expected.Count, grants.Count);
        Assert.Equal(expected.Awarded, grants.Sum(g => g.GetProperty("amountAwarded").GetDecimal()));
        Assert.Equal(expected.Disbursed, grants.Sum(g => g.TryGetProperty("amountDisbursed", out var paid) ? paid.GetDecimal() : 0));

        var rows = ExportedFiles.CsvRecords(await OpenDataFactory.Export(fixture.Factory.Services, OpenDataFormat.ThreeSixtyGivingCsv));
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(expected.Awarded, rows.Sum(r => decimal.Parse(r["Amount Awarded"], CultureInfo.InvariantCulture)));
        Assert.Equal(expected.Disbursed, rows.Sum(r => r["Amount Disbursed"] is "" ? 0 : decimal.Parse(r["Amount Disbursed"], CultureInfo.InvariantCulture)));

        var activities = ExportedFiles.Iati(await OpenDataFactory.Export(fixture.Factory.Services, OpenDataFormat.IatiXml)).Root!.Elements("iati-activity").ToList();
        Assert.Equal(expected.Count, activities.Count);
        decimal Transactions(string type) => activities.SelectMany(a => a.Elements("transaction"))
            .Where(t => t.Element("transaction-type")!.Attribute("code")!.Value == type)
            .Sum(t => decimal.Parse(t.Element("value")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(expected.Awarded, Transactions("2"));
        Assert.Equal(expected.Disbursed, Transactions("3"));
    }
}
