using GrantHub.Agreements;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Core.Grants;
using Hangfire;

namespace GrantHub.Api.Features.Grants;

public static class GrantServices
{
    public static IServiceCollection AddGrantsFeature(this IServiceCollection services)
    {
        services.AddOptions<AgreementOptions>()
            .BindConfiguration(AgreementOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.FunderName), "Agreements:FunderName must name the funder.")
            .ValidateOnStart();
        services.AddSingleton<AgreementPdfRenderer>();
        services.AddSingleton<IAgreementRenderer, PdfAgreementRenderer>();
        services.AddScoped<AgreementIssuer>();
        services.AddScoped<GrantAwarding>();
        services.AddScoped<GrantDetailsReader>();
        services.AddRecurringJob<ReportDueRemindersJob>(ReportDueRemindersJob.Id, "ReportReminders", Cron.Hourly());
        services.AddRecurringJob<AgreementUnsignedRemindersJob>(AgreementUnsignedRemindersJob.Id, "AgreementUnsignedReminders", Cron.Hourly());
        services.AddRecurringJob<OnwardTransferRemindersJob>(OnwardTransferRemindersJob.Id, "OnwardTransferReminders", Cron.Daily(6));
        return services;
    }
}
