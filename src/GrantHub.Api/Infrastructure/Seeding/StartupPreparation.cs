using GrantHub.Api.Infrastructure.Jobs;

namespace GrantHub.Api.Infrastructure.Seeding;

/// <summary>
/// What every start does once the schema is current and the first Admin exists: the demo data when configured, and the
/// recurring jobs' schedules. Both run while the web server builds its endpoints and starts listening; the host counts
/// as started (and the job server starts) only once they are done, and <see cref="StartupGate.UseStartupGate"/> holds
/// requests until then.
/// </summary>
public sealed class StartupPreparation(IServiceProvider services, IConfiguration configuration, IHostApplicationLifetime lifetime)
    : IHostedLifecycleService
{
    private Task _preparation = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _preparation = Task.WhenAll(Task.Run(SeedAsync), Task.Run(ScheduleJobs));
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => _preparation.WaitAsync(cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
