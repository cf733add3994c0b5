using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Emergency;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.SqlServer;

namespace GrantHub.Api.Infrastructure;

/// <summary>
/// Hangfire: SQL Server storage in production (instances share one queue), in-memory storage embedded
/// (durable state lives in the application database, so nothing is lost on restart). Every job only sends
/// a mediator command that is safe to run twice or on two servers at once.
/// </summary>
public static class Jobs
{
    public static IServiceCollection AddGrantHubJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = DatabaseSetup.Provider(configuration);
        var connectionString = DatabaseSetup.ConnectionString(configuration);
        // The storage is a singleton of this host rather than Hangfire's process-wide JobStorage.Current,
        // so that several hosts in one process (the tests) never share or dispose each other's storage.
        services.AddSingleton<JobStorage>(_ => provider == DatabaseProvider.SqlServer
            ? new SqlServerStorage(connectionString)
            : new InMemoryStorage(new InMemoryStorageOptions()));
        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (configuration.GetValue("Hangfire:Server:Enabled", true))
        {
            services.AddHangfireServer(options =>
                options.WorkerCount = configuration.GetValue("Hangfire:WorkerCount", Math.Max(2, Environment.ProcessorCount)));
        }

        return services;
    }

    /// <summary>Registers the recurring jobs with stable ids; schedules are cron expressions from configuration.</summary>
    public static void RegisterRecurringJobs(IServiceProvider services, IConfiguration configuration)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<CloseExpiredCallsJob>(
            CloseExpiredCallsJob.Id,
            job => job.RunAsync(CancellationToken.None),
            configuration.GetValue("Jobs:CloseExpiredCalls", Cron.Minutely())!);
        recurring.AddOrUpdate<EscalateEmergencyRequestsJob>(
            EscalateEmergencyRequestsJob.Id,
            job => job.RunAsync(CancellationToken.None),
            configuration.GetValue("Jobs:EscalateEmergencyRequests", "*/5 * * * *")!);
        recurring.AddOrUpdate<PurgeExpiredIdempotencyKeysJob>(
            PurgeExpiredIdempotencyKeysJob.Id,
            job => job.RunAsync(CancellationToken.None),
            configuration.GetValue("Jobs:PurgeExpiredIdempotencyKeys", Cron.Hourly())!);
    }
}
