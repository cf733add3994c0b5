using GrantHub.Api.Infrastructure.Jobs;
using Hangfire;

namespace GrantHub.Api.Features.Reviews;

public static class ReviewsServices
{
    public static IServiceCollection AddReviewsFeature(this IServiceCollection services) =>
        services
            .AddScoped<ReviewNotifications>()
            .AddRecurringJob<ReviewDueRemindersJob>(ReviewDueRemindersJob.Id, "ReviewDueReminders", Cron.Hourly());
}
