using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

namespace GrantHub.Tests.Infrastructure;

/// <summary>
/// Runs the suite on SQL Server instead of SQLite when <c>GRANTHUB_TEST_SQLSERVER</c> is set: to a connection string
/// (a server the suite may create and drop databases on), or to <c>docker</c> for a throw-away SQL Server container
/// started once for the run (Testcontainers; needs a reachable Docker engine). Each host that owns its database (so
/// each test class) gets a database of its own, dropped when the host is disposed.
/// </summary>
public static class TestSqlServer
{
    public const string Variable = "GRANTHUB_TEST_SQLSERVER";
    private const string ContainerImage = "mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04";

    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    public static bool Enabled => !string.IsNullOrWhiteSpace(Setting);

    private static string? Setting => Environment.GetEnvironmentVariable(Variable);

    /// <summary>A connection string to a database of its own (created by the host's migrations on start).</summary>
    public static string NewDatabase() => new SqlConnectionStringBuilder(Server.Value.GetAwaiter().GetResult())
    {
        InitialCatalog = $"granthub_tests_{Guid.NewGuid():N}",
        TrustServerCertificate = true,
    }.ConnectionString;

    public static void Drop(string connectionString)
    {
        var database = new SqlConnectionStringBuilder(connectionString).InitialCatalog;
        SqlConnection.ClearAllPools();
        using var connection = new SqlConnection(new SqlConnectionStringBuilder(connectionString) { InitialCatalog = "master" }.ConnectionString);
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"IF DB_ID(N'{database}') IS NOT NULL BEGIN ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{database}]; END";
        drop.ExecuteNonQuery();
    }

    private static async Task<string> StartAsync()
    {
        if (!string.Equals(Setting, "docker", StringComparison.OrdinalIgnoreCase))
        {
            return Setting!;
        }

        // Stopped by Testcontainers' resource reaper when the test process ends.
        var container = new MsSqlBuilder(ContainerImage).Build();
        await container.StartAsync();
        return container.GetConnectionString();
    }
}
