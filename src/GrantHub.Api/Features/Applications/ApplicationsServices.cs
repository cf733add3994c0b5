namespace GrantHub.Api.Features.Applications;

public static class ApplicationsServices
{
    public static IServiceCollection AddApplicationsFeature(this IServiceCollection services) =>
        services
            .AddScoped<ApplicationNotifications>()
            .AddScoped<DecisionNotifications>();
}
