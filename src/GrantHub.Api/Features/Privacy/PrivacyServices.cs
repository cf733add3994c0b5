using GrantHub.Api.Infrastructure.Jobs;

namespace GrantHub.Api.Features.Privacy;

public static class PrivacyServices
{
    public static IServiceCollection AddPrivacyFeature(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.Section)
            .Validate(options => options.Days >= 1, "Retention:Days must be at least 1.")
            .ValidateOnStart();
        services.AddRecurringJob<ErasePersonalDataAfterRetentionJob>(ErasePersonalDataAfterRetentionJob.Id, "ErasePersonalDataAfterRetention", "30 2 * * *");
        return services;
    }
}
