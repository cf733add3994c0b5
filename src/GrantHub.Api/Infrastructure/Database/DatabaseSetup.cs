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
    /// </remarks>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly).UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
                break;
            default:
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly).UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                    .AddInterceptors(SqliteSecureDelete.Instance);
                break;
        }
    }

    public static IServiceCollection AddGrantHubDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = Provider(configuration);
        var connectionString = ConnectionString(configuration);
        services.AddDbContext<GrantHubDbContext>(options => Configure(options, provider, connectionString));
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

        await db.Database.MigrateAsync(cancellationToken);
        await EncryptExistingFields.RunAsync(db, cancellationToken);
    }
}
