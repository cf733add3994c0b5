using GrantHub.Api.Infrastructure.Jobs;
using Hangfire;

namespace GrantHub.Api.Features.Calls;

public static class CallsServices
{
    public static IServiceCollection AddCallsFeature(this IServiceCollection services) =>
        services
            .AddRecurringJob<CloseExpiredCallsJob>(CloseExpiredCallsJob.Id, "CloseExpiredCalls", Cron.Minutely())
            .AddRecurringJob<CallClosingRemindersJob>(CallClosingRemindersJob.Id, "CallClosingReminders", Cron.Hourly());
}
