using GrantHub.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Benchmarks.ReportReminders;

/// <summary>
/// The real API host (its Program, services, pipeline and migrations) on a SQLite file, without the Hangfire server
/// (the benchmark sends its command itself) and with every database command timed; <paramref name="settings"/> adds what
/// one benchmark needs (e.g. the open-data secret).
/// </summary>
internal sealed class BenchmarkHost(string databasePath, CommandRecorder recorder, params (string Key, string Value)[] settings)
    : WebApplicationFactory<global::Program>
{
    public string ConnectionString => $"Data Source={databasePath}";

    /// <summary>Services one benchmark adds to the host (e.g. the HTTP benchmark's reference endpoint).</summary>
    public Action<IServiceCollection>? AddServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The API's appsettings.json is copied beside the benchmark: run from any directory.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("ConnectionStrings:GrantHub", ConnectionString);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Hangfire:Server:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Encryption:KeyFile", databasePath + ".keys.json");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<GrantHubDbContext>(options => options.AddInterceptors(recorder));
            AddServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
    }
}
