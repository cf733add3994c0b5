using GrantHub.Api.Infrastructure.Jobs;

namespace GrantHub.Api.Infrastructure.Seeding;

/// <summary>
/// What every start does once the schema is current and the first Admin exists: the demo data when configured, and the
/// recurring jobs' schedules. Both run while the web server builds its pipeline and starts listening; the host counts as
/// started only once they are done, and until then <see cref="StartupGate.UseStartupGate"/> holds every request but
/// the liveness probe, so nobody meets a half-seeded demo.
/// </summary>
public sealed class StartupPreparation(IServiceProvider services, IConfiguration configuration) : IHostedLifecycleService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Done => _done.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = CompleteWhenDone(Task.WhenAll(Task.Run(SeedAsync, CancellationToken.None), Task.Run(ScheduleJobs, CancellationToken.None)));
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Done.WaitAsync(cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CompleteWhenDone(Task preparation)
    {
        try
        {
            await preparation;
            _done.TrySetResult();
        }
        catch (Exception failure)
        {
            _done.TrySetException(failure);
        }
    }

    private async Task SeedAsync()
    {
        if (!configuration.GetValue("Demo:Seed", false))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
    }

    private void ScheduleJobs() => RecurringJobs.ScheduleRecurringJobs(services, configuration);
}

public static class StartupGate
{
    /// <summary>
    /// Holds each request until <see cref="StartupPreparation"/> is done; <c>/health</c> (the process is up) answers at once.
    /// Once started, a request pays one completed-task check.
    /// </summary>
    public static void UseStartupGate(this WebApplication app)
    {
        var preparation = app.Services.GetRequiredService<StartupPreparation>();
        app.Use(async (context, next) =>
        {
            if (!preparation.Done.IsCompletedSuccessfully && !context.Request.Path.Equals("/health", StringComparison.Ordinal))
            {
                await preparation.Done.WaitAsync(context.RequestAborted);
            }

            await next(context);
        });
    }
}
