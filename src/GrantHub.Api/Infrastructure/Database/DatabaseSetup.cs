using GrantHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "GrantHub.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "GrantHub.Migrations.SqlServer";
    public const string DefaultConnectionString = "Data Source=granthub.db";

    public static DatabaseProvider Provider(IConfiguration configuration) =>
        configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("GrantHub") ?? DefaultConnectionString;

    /// <remarks>
    /// One query per load, said explicitly (EF otherwise warns at every start): an aggregate is read as one consistent
    /// snapshot. Its collections multiply into members × lines rows (a grant: allocations × tranches × reports ×
    /// amendments × agreement versions); where a benchmark shows that row count matters, that query says
    /// <c>AsSplitQuery()</c>.
    /// <para>A list of ids in a query (<c>ids.Contains(x.Id)</c>) is sent as one JSON array parameter, as before EF 10,
    /// not one parameter per id: a job's list of thousands of recipients took 5 s to bind as 29,000 named parameters
    /// on SQLite (binding is quadratic in their number; SQL Server allows at most 2,100 per command), and EF rewrote the SQL of
    /// every such query for each new count of ids.</para>
    /// </remarks>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
            default:
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)
                        .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)
                        .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .AddInterceptors(SqliteConnectionSettings.Instance);
                break;
        }
    }

    public static IServiceCollection AddGrantHubDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = Provider(configuration);
        var connectionString = ConnectionString(configuration);
        // Pooled: a request reuses a context instead of building EF's scoped services anew.
        services.AddDbContextPool<GrantHubDbContext>((services, options) =>
            Configure(options.UseFieldCipher(services.GetRequiredService<FieldCipher>()), provider, connectionString));
        return services;
    }

    /// <summary>
    /// Applies pending migrations, then encrypts what was stored in clear before encryption at rest
    /// (<see cref="EncryptExistingFields"/>); on SQLite also switches to write-ahead logging so readers never wait for writers.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantHubDbContext>();
        if (db.IsSqlite)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        // MigrateAsync compares the model with the migrations' snapshot even when nothing is pending (half a second
        // of every start); whether the model and the migrations agree is checked by the tests (PersistenceModelTests).
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await EncryptExistingFields.RunAsync(db, cancellationToken);
    }
}
