using GrantHub.Api.Infrastructure.Database;
using GrantHub.Api.Infrastructure.Observability;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.SqlServer;

namespace GrantHub.Api.Infrastructure.Jobs;

/// <summary>
/// Hangfire: SQL Server storage in production (instances share one queue), in-memory storage embedded
/// (durable state lives in the application database, so nothing is lost on restart). Every job only sends
/// a mediator command that is safe to run twice or on two servers at once. Each feature registers its own
/// recurring jobs with <see cref="AddRecurringJob{TJob}"/>; how to add a reminder sweep is in docs/architecture.md.
/// </summary>
public static class RecurringJobs
{
    public static IServiceCollection AddGrantHubJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = DatabaseSetup.Provider(configuration);
        var connectionString = DatabaseSetup.ConnectionString(configuration);
        // The storage is a singleton of this host rather than Hangfire's process-wide JobStorage.Current,
        // so that several hosts in one process (the tests) never share or dispose each other's storage.
        // SQL Server's storage installs its tables when it is created, so it waits for the database to exist.
        services.AddSingleton<JobStorage>(services =>
        {
            if (provider != DatabaseProvider.SqlServer)
            {
                return new InMemoryStorage(new InMemoryStorageOptions());
            }

            services.GetRequiredService<DatabasePreparation>().Prepared.GetAwaiter().GetResult();
            return new SqlServerStorage(connectionString);
        });
        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (configuration.GetValue("Hangfire:Server:Enabled", true))
        {
            services.AddHangfireServer(options =>
                options.WorkerCount = configuration.GetValue("Hangfire:WorkerCount", Math.Max(2, Environment.ProcessorCount)));
            services.AddHealthChecks().AddCheck<JobServerHealthCheck>("job-server", tags: ["ready"]);
        }

        return services;
    }

    /// <summary>
    /// Declares a recurring job with a stable id (the dashboard lists it under that id). Its schedule is the cron
    /// expression read from <c>Jobs:&lt;<paramref name="settingName"/>&gt;</c>, else <paramref name="defaultCron"/>.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string settingName, string defaultCron)
        where TJob : IRecurringJob =>
        services.AddSingleton(new RecurringJobDefinition(id, settingName, defaultCron, (recurring, cron) =>
            recurring.AddOrUpdate<TJob>(id, job => job.RunAsync(CancellationToken.None), cron)));

    /// <summary>
    /// Every instance schedules every declared job at start-up, which updates them in place. A job is declared even
    /// when it has nothing to do in this instance (e-mail without SMTP), so instances configured differently never
    /// remove it from each other.
    /// </summary>
    public static void ScheduleRecurringJobs(IServiceProvider services, IConfiguration configuration)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        foreach (var job in services.GetServices<RecurringJobDefinition>())
        {
            job.Schedule(recurring, configuration.GetValue($"Jobs:{job.SettingName}", job.DefaultCron)!);
        }
    }
}

/// <summary>One declared recurring job: its id, the <c>Jobs:</c> setting that overrides its default schedule.</summary>
public sealed record RecurringJobDefinition(string Id, string SettingName, string DefaultCron, Action<IRecurringJobManager, string> Schedule);

/// <summary>A recurring job: a thin class that sends one sweep command, safe to run twice or on two servers at once.</summary>
public interface IRecurringJob
{
    Task RunAsync(CancellationToken cancellationToken);
}
