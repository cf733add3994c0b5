using GrantHub.Api.Infrastructure.Database;
using GrantHub.Api.Infrastructure.Jobs;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;

namespace GrantHub.Api.Infrastructure.Seeding;

/// <summary>
/// What every start does once the schema is current (<see cref="DatabasePreparation"/>): the first Admin (a Production
/// installation without one refuses to start), then the demo data when configured, the recurring jobs' schedules and
/// loading the data-protection keys. All of it runs while the web server builds its endpoints and starts listening; the
/// host counts as started (and the job server starts) only once it is done, and
/// <see cref="StartupGate.UseStartupGate"/> holds requests until then.
/// </summary>
public sealed class StartupPreparation(
    DatabasePreparation database,
    IServiceProvider services,
    IConfiguration configuration,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime)
    : IHostedLifecycleService
{
    private Task _preparation = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _preparation = PrepareAsync();
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => _preparation.WaitAsync(cancellationToken);

    /// <summary>
    /// Completes once the database preparation and this preparation have ended, whether they succeeded or failed: a
    /// start that fails part-way must not dispose the services they still use, nor exit while a migration runs.
    /// </summary>
    public Task Settled => Task.WhenAll(database.Prepared, _preparation)
        .ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrepareAsync()
    {
        await database.Prepared;
        await EnsureAdminAsync();
        await Task.WhenAll(Task.Run(SeedAsync), Task.Run(ScheduleJobs), Task.Run(LoadDataProtectionKeys));
    }

    private async Task EnsureAdminAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var adminBootstrap = scope.ServiceProvider.GetRequiredService<AdminBootstrap>();
        await adminBootstrap.EnsureAdminAsync();
        if (environment.IsProduction() && !await adminBootstrap.AnyAdminAsync())
        {
            throw new StartRefusedException(AdminBootstrap.NoAdminMessage);
        }
    }

    private async Task SeedAsync()
    {
        if (!configuration.GetValue("Demo:Seed", false))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(lifetime.ApplicationStopping);
    }

    private void ScheduleJobs() => RecurringJobs.ScheduleRecurringJobs(services, configuration);

    /// <summary>What the framework's own warm-up would have done at the host's start, before the database was ready.</summary>
    private void LoadDataProtectionKeys() => services.GetRequiredService<IKeyRingProvider>().GetCurrentKeyRing();
}

public static class StartupGate
{
    /// <summary>
    /// Holds each request until the host has started (<see cref="StartupPreparation"/> done, job server running), so
    /// that nobody meets a half-seeded demo and the first readiness probe sees the job server; <c>/health</c> (the
    /// process is up) answers at once. Once started, a request pays one completed-task check.
    /// </summary>
    public static void UseStartupGate(this WebApplication app)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        app.Use(async (context, next) =>
        {
            if (!started.Task.IsCompleted && !IsLivenessProbe(context.Request.Path))
            {
                await started.Task.WaitAsync(context.RequestAborted);
            }

            await next(context);
        });
    }

    private static bool IsLivenessProbe(PathString path) =>
        path.Equals("/health", StringComparison.OrdinalIgnoreCase) || path.Equals("/health/", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A start refused for a reason the operator can fix; <c>Program</c> prints its message alone and exits with 1.</summary>
public sealed class StartRefusedException(string message) : Exception(message);
