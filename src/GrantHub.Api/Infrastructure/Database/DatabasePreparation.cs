using GrantHub.Api.Infrastructure.Seeding;

namespace GrantHub.Api.Infrastructure.Database;

/// <summary>
/// The schema made current and the first Admin made, once per start, on a background task that <c>Program</c> starts
/// as soon as the host is built: the web server builds its endpoints meanwhile (most of a second each, and on two
/// cores they overlap). Whatever needs the database waits for <see cref="Prepared"/>: the start-up preparation (demo
/// data, job schedules) and, on SQL Server, the job storage, which installs its tables when it is created.
/// </summary>
public sealed class DatabasePreparation(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
{
    private readonly Lazy<Task> _prepared = new(() => Task.Run(() => PrepareAsync(services, configuration, environment)));

    /// <summary>Starts the preparation on the first call; fails with <see cref="StartRefusedException"/> when the installation may not start.</summary>
    public Task Prepared => _prepared.Value;

    /// <summary>Completes once the preparation has ended, whether it succeeded or failed.</summary>
    public Task Settled => Prepared.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await DatabaseSetup.MigrateAsync(services);
        }

        await using var scope = services.CreateAsyncScope();
        var adminBootstrap = scope.ServiceProvider.GetRequiredService<AdminBootstrap>();
        await adminBootstrap.EnsureAdminAsync();
        if (environment.IsProduction() && !await adminBootstrap.AnyAdminAsync())
        {
            throw new StartRefusedException(AdminBootstrap.NoAdminMessage);
        }
    }
}

/// <summary>A start refused for a reason the operator can fix; <c>Program</c> prints its message alone and exits with 1.</summary>
public sealed class StartRefusedException(string message) : Exception(message);
