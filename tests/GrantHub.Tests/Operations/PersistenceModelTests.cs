using GrantHub.Api.Infrastructure.Database;
using GrantHub.Core.Data;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GrantHub.Tests.Operations;

/// <summary>Both providers' migrations match the model, without a database server.</summary>
public class PersistenceModelTests
{
    private static GrantHubDbContext Context(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<GrantHubDbContext>();
        DatabaseSetup.Configure(options, provider, provider == DatabaseProvider.SqlServer
            ? "Server=localhost;Database=GrantHub;Trusted_Connection=False;TrustServerCertificate=True"
            : "Data Source=:memory:");
        return new GrantHubDbContext(options.UseFieldCipher(GrantHubFactory.TestCipher()).Options);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Migrations_match_the_model(DatabaseProvider provider)
    {
        using var db = Context(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations lag behind the model: run migrations/add.sh");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = Context(DatabaseProvider.Sqlite);
        using var sqlServer = Context(DatabaseProvider.SqlServer);

        static IEnumerable<string> Names(GrantHubDbContext db) => db.Database.GetMigrations().Select(id => id[15..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void Sql_server_migration_script_generates()
    {
        using var db = Context(DatabaseProvider.SqlServer);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Funds]", script);
        Assert.Contains("CREATE TABLE [AuditEntries]", script);
        Assert.Contains("CONSTRAINT [CK_Funds_CommittedWithinBudget]", script);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void No_grant_management_record_is_ever_cascade_deleted(DatabaseProvider provider)
    {
        using var db = Context(provider);

        var cascades = db.Model.GetEntityTypes()
            .Where(t => t.ClrType.Namespace!.StartsWith("GrantHub", StringComparison.Ordinal))
            .SelectMany(t => t.GetForeignKeys())
            .Where(fk => !fk.IsOwnership && fk.DeleteBehavior != DeleteBehavior.Restrict)
            .Select(fk => $"{fk.DeclaringEntityType.DisplayName()} -> {fk.PrincipalEntityType.DisplayName()}");

        Assert.Empty(cascades);
    }
}
