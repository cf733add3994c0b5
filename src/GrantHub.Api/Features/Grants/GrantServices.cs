using GrantHub.Agreements;
using GrantHub.Core.Grants;

namespace GrantHub.Api.Features.Grants;

public static class GrantServices
{
    public static IServiceCollection AddGrantServices(this IServiceCollection services)
    {
        services.AddOptions<AgreementOptions>()
            .BindConfiguration(AgreementOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.FunderName), "Agreements:FunderName must name the funder.")
            .ValidateOnStart();
        services.AddSingleton<AgreementPdfRenderer>();
        services.AddSingleton<IAgreementRenderer, PdfAgreementRenderer>();
        services.AddScoped<AgreementIssuer>();
        services.AddScoped<GrantAccess>();
        services.AddScoped<GrantAwarding>();
        return services;
    }
}
