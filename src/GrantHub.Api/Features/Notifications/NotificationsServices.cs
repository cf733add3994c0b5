using GrantHub.Api.Infrastructure.Jobs;
using Hangfire;

namespace GrantHub.Api.Features.Notifications;

public static class NotificationsServices
{
    public static IServiceCollection AddNotificationsFeature(this IServiceCollection services) =>
        services
            // Declared even without SMTP (it then does nothing), so instances configured differently never remove it from each other.
            .AddRecurringJob<DispatchEmailsJob>(DispatchEmailsJob.Id, "DispatchEmail", Cron.Minutely());
}
