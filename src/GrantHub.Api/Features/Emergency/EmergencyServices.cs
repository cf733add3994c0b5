using GrantHub.Api.Infrastructure.Jobs;

namespace GrantHub.Api.Features.Emergency;

public static class EmergencyServices
{
    public static IServiceCollection AddEmergencyFeature(this IServiceCollection services)
    {
        services.AddOptions<EmergencyOptions>()
            .BindConfiguration(EmergencyOptions.Section)
            .Validate(
                options => options.IsValid(),
                "Emergency: EscalationHours must be positive and below DecisionPromiseHours; PerOrganisationLimit maps ISO 4217 codes to non-negative amounts.")
            .ValidateOnStart();
        services.AddScoped<EmergencyNotifications>();
        services.AddRecurringJob<EscalateEmergencyRequestsJob>(EscalateEmergencyRequestsJob.Id, "EscalateEmergencyRequests", "*/5 * * * *");
        services.AddRecurringJob<LightReportRemindersJob>(LightReportRemindersJob.Id, "LightReportReminders", Hangfire.Cron.Hourly());
        return services;
    }
}
