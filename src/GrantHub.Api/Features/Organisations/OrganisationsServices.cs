namespace GrantHub.Api.Features.Organisations;

public static class OrganisationsServices
{
    public static IServiceCollection AddOrganisationsFeature(this IServiceCollection services) =>
        services.AddScoped<InvitationNotifications>();
}
