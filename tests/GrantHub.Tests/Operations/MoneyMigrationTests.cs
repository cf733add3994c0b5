using GrantHub.Core.Data;
using GrantHub.Core.Funds;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static GrantHub.Tests.Infrastructure.Amounts;

namespace GrantHub.Tests.Operations;

/// <summary>The migration that gave every amount its currency fills the new columns of rows written before it.</summary>
public class MoneyMigrationTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const string Migration = "MoneyCarriesItsCurrency";

    private static readonly (string Table, string ForeignKey, string Parent)[] AmountsWithTheirParent =
    [
        ("GrantTranches", "GrantId", "Grants"),
        ("GrantReports", "GrantId", "Grants"),
        ("GrantAmendments", "GrantId", "Grants"),
        ("GrantAllocations", "GrantId", "Grants"),
        ("FundTopUps", "FundId", "Funds"),
        ("Calls", "FundId", "Funds"),
        ("ApplicationBudgetLines", "ApplicationId", "Applications"),
    ];

    [Fact]
    public async Task Rows_written_before_amounts_carried_a_currency_take_their_parents_currency()
    {
        var scenario = await factory.AwardGrant();
        await factory.WithDb(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            var fund = await db.Funds.SingleAsync(f => f.Id == scenario.Fund.Id);
            fund.TopUp(EuroCents(1_000_00));
            db.FundTopUps.Add(new FundTopUp(fund.Id, EuroCents(1_000_00), null, scenario.LeadOwner.Id, now));
            var grant = await db.Grants.Include(g => g.Allocations).Include(g => g.Tranches).Include(g => g.Amendments).SingleAsync(g => g.Id == scenario.GrantId);
            grant.TopUp(EuroCents(500_00), "Security costs rose.", Guid.NewGuid(), factory.Today(), now);
            fund.Commit(EuroCents(500_00));
            return await db.SaveChangesAsync();
        });

        var (rows, mismatched) = await factory.WithDb(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith($"_{Migration}", StringComparison.Ordinal)) - 1];
            await migrator.MigrateAsync(previous);
            await migrator.MigrateAsync();
            var rows = new List<int>();
            var mismatched = new List<int>();
            foreach (var (table, foreignKey, parent) in AmountsWithTheirParent)
            {
                rows.Add(await Count(db, $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\""));
                mismatched.Add(await Count(db,
                    $"SELECT COUNT(*) AS \"Value\" FROM \"{table}\" AS \"c\" JOIN \"{parent}\" AS \"p\" ON \"p\".\"Id\" = \"c\".\"{foreignKey}\" " +
                    "WHERE \"c\".\"Currency\" <> \"p\".\"Currency\""));
            }

            return (rows, mismatched);
        });

        Assert.All(rows, count => Assert.True(count > 0));
        Assert.All(mismatched, count => Assert.Equal(0, count));
        var reloaded = await factory.WithDb(db => db.Grants.Include(g => g.Tranches).SingleAsync(g => g.Id == scenario.GrantId));
        Assert.All(reloaded.Tranches, t => Assert.Equal("EUR", t.Amount.Currency));
    }

    private static Task<int> Count(GrantHubDbContext db, string sql) => db.Database.SqlQueryRaw<int>(sql).SingleAsync();
}
