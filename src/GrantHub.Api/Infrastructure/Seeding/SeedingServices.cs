namespace GrantHub.Api.Infrastructure.Seeding;

public static class SeedingServices
{
    /// <summary>
    /// The first Admin from configuration (production; <c>Program</c> runs it with the migrations), and the start-up
    /// preparation that seeds the demo data (development) and declares the recurring jobs.
    /// </summary>
    public static IServiceCollection AddGrantHubSeeding(this IServiceCollection services) =>
        services.AddScoped<AdminBootstrap>().AddScoped<DemoData>().AddHostedService<StartupPreparation>();
}
