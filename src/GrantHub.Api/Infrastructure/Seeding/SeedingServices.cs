using GrantHub.Api.Infrastructure.Database;

namespace GrantHub.Api.Infrastructure.Seeding;

public static class SeedingServices
{
    /// <summary>
    /// The database preparation (migrations), then the start-up preparation that makes the first Admin from
    /// configuration (production), seeds the demo data (development), declares the recurring jobs and loads the
    /// data-protection keys. Registered after data protection: the framework's own warm-up of the keys reads them at
    /// the host's start, while the database that holds them is still being prepared, so it is taken out.
    /// </summary>
    public static IServiceCollection AddGrantHubSeeding(this IServiceCollection services)
    {
        services.Remove(services.Single(descriptor => descriptor.ServiceType == typeof(IHostedService) &&
            descriptor.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService"));
        return services.AddSingleton<DatabasePreparation>().AddScoped<AdminBootstrap>().AddScoped<DemoData>()
            .AddSingleton<StartupPreparation>().AddHostedService(services => services.GetRequiredService<StartupPreparation>());
    }
}
