using GrantHub.Api.Infrastructure.Database;
using GrantHub.Api.Infrastructure.Jobs;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;

namespace GrantHub.Api.Infrastructure.Seeding;

/// <summary>
/// What every start does once the schema is current and the first Admin exists (<see cref="DatabasePreparation"/>): the
/// demo data when configured, the recurring jobs' schedules and loading the data-protection keys. All of it runs while
/// the web server builds its endpoints and starts listening; the host counts as started (and the job server starts) only once it is done, and
/// <see cref="StartupGate.UseStartupGate"/> holds requests until then.
/// </summary>
public sealed class StartupPreparation(
    DatabasePreparation database, IServiceProvider services, IConfiguration configuration, IHostApplicationLifetime lifetime)
    : IHostedLifecycleService
{
    private Task _preparation = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _preparation = PrepareAsync();
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => _preparation.WaitAsync(cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrepareAsync()
    {
        await database.Prepared;
        await Task.WhenAll(Task.Run(SeedAsync), Task.Run(ScheduleJobs), Task.Run(LoadDataProtectionKeys));
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
