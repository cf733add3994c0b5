using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Features.Notifications;
using GrantHub.Api.Features.Reviews;
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
            services.AddHealthChecks().AddCheck<JobServerHealthCheck>("job-server", tags: ["ready"]);
        }

        return services;
    }

    /// <summary>
    /// Registers the recurring jobs with stable ids: every instance does so at start-up, which updates them
    /// in place (the dashboard lists them under these ids). Each schedule is a cron expression read from
    /// <c>Jobs:&lt;Name&gt;</c>, with the default given here.
    /// <para>
    /// Adding a reminder sweep (<see cref="ReportDueRemindersHandler"/> is the model): (1) a command
    /// <c>XxxRemindersCommand : ICommand&lt;SweepResult&gt;</c> whose handler finds what is due with set-based queries
    /// (never one query per object), passes every notification to <see cref="Notifier.NotifyManyAsync"/> in one call
    /// with an event key naming the reminder and the object (<c>report-due-7d:{reportId}:{dueOn}</c>,
    /// <c>review-overdue:{assignmentId}</c>), saves once and returns the number added, so a second run or a second
    /// server adds nothing; (2) a thin job class implementing <see cref="IRecurringJob"/> with
    /// <c>public const string Id = "grants:report-reminders"</c>; (3) one <c>Schedule</c> line below, and a row in
    /// the README's configuration table.
    /// </para>
    /// </summary>
    public static void RegisterRecurringJobs(IServiceProvider services, IConfiguration configuration)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        Schedule<CloseExpiredCallsJob>(recurring, configuration, CloseExpiredCallsJob.Id, "CloseExpiredCalls", Cron.Minutely());
        // Registered even without SMTP (it then does nothing), so instances configured differently never remove it from each other.
        Schedule<DispatchEmailsJob>(recurring, configuration, DispatchEmailsJob.Id, "DispatchEmail", Cron.Minutely());
        Schedule<EscalateEmergencyRequestsJob>(recurring, configuration, EscalateEmergencyRequestsJob.Id, "EscalateEmergencyRequests", "*/5 * * * *");
        Schedule<CallClosingRemindersJob>(recurring, configuration, CallClosingRemindersJob.Id, "CallClosingReminders", Cron.Hourly());
        Schedule<ReportDueRemindersJob>(recurring, configuration, ReportDueRemindersJob.Id, "ReportReminders", Cron.Hourly());
        Schedule<AgreementUnsignedRemindersJob>(recurring, configuration, AgreementUnsignedRemindersJob.Id, "AgreementUnsignedReminders", Cron.Hourly());
        Schedule<PurgeExpiredIdempotencyKeysJob>(recurring, configuration, PurgeExpiredIdempotencyKeysJob.Id, "PurgeExpiredIdempotencyKeys", Cron.Hourly());
        Schedule<ReviewDueRemindersJob>(recurring, configuration, ReviewDueRemindersJob.Id, "ReviewDueReminders", Cron.Hourly());
    }

    private static void Schedule<TJob>(IRecurringJobManager recurring, IConfiguration configuration, string id, string name, string defaultCron)
        where TJob : IRecurringJob =>
        recurring.AddOrUpdate<TJob>(id, job => job.RunAsync(CancellationToken.None), configuration.GetValue($"Jobs:{name}", defaultCron)!);
}

/// <summary>A recurring job: a thin class that sends one sweep command, safe to run twice or on two servers at once.</summary>
public interface IRecurringJob
{
    Task RunAsync(CancellationToken cancellationToken);
}
