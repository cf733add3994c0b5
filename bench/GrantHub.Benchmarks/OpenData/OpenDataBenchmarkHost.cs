using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using GrantHub.Benchmarks.ReportReminders;
using GrantHub.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Benchmarks.OpenData;

/// <summary>The real API host on a SQLite file, configured for open data, without the Hangfire server.</summary>
internal sealed class OpenDataBenchmarkHost(string databasePath, CommandRecorder recorder) : WebApplicationFactory<global::Program>
{
    public string ConnectionString => $"Data Source={databasePath}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("ConnectionStrings:GrantHub", ConnectionString);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Hangfire:Server:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("OpenData:PseudonymSecret", "benchmark-secret-0123456789-abcdefghijkl");
        builder.ConfigureServices(services => services.ConfigureDbContext<GrantHubDbContext>(options => options.AddInterceptors(recorder)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
    }
}
