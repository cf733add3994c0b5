namespace GrantHub.Api.Infrastructure.Seeding;

public static class SeedingServices
{
    /// <summary>The first Admin from configuration (production) and the demo data (development), made at every start.</summary>
    public static IServiceCollection AddGrantHubSeeding(this IServiceCollection services) =>
        services.AddScoped<AdminBootstrap>().AddScoped<DemoData>()
            .AddSingleton<StartupPreparation>()
            .AddHostedService(provider => provider.GetRequiredService<StartupPreparation>());
}
