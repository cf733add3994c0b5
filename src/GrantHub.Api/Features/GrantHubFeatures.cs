using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Audit;
using GrantHub.Api.Features.Auth;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Features.Finance;
using GrantHub.Api.Features.Funds;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Features.Notifications;
using GrantHub.Api.Features.OpenData;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Features.Portfolio;
using GrantHub.Api.Features.Privacy;
using GrantHub.Api.Features.Reviews;
using GrantHub.Api.Features.Users;
using Microsoft.AspNetCore.Http.Json;

namespace GrantHub.Api.Features;

/// <summary>Every feature area: its services and recurring jobs (<c>XxxServices</c>) and its routes (<c>XxxEndpoints</c>, one per route prefix).</summary>
public static class GrantHubFeatures
{
    public static IServiceCollection AddGrantHubFeatures(this IServiceCollection services) =>
        services
            .Configure<JsonOptions>(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default))
            .AddAuthFeature()
            .AddApplicationsFeature()
            .AddCallsFeature()
            .AddEmergencyFeature()
            .AddGrantsFeature()
            .AddNotificationsFeature()
            .AddOpenData()
            .AddOrganisationsFeature()
            .AddPrivacyFeature()
            .AddReviewsFeature();

    public static IEndpointRouteBuilder MapGrantHubFeatures(this IEndpointRouteBuilder routes)
    {
        routes.MapAuthEndpoints();
        routes.MapUserEndpoints();
        routes.MapFundEndpoints();
        routes.MapCallEndpoints();
        routes.MapOrganisationEndpoints();
        routes.MapApplicationEndpoints();
        routes.MapReviewEndpoints();
        routes.MapGrantEndpoints();
        routes.MapAuditEndpoints();
        routes.MapNotificationEndpoints();
        routes.MapEmergencyEndpoints();
        routes.MapOpenDataEndpoints();
        routes.MapPortfolioEndpoints();
        routes.MapFinanceEndpoints();
        routes.MapPrivacyEndpoints();
        return routes;
    }
}
