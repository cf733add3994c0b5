using System.Text.Json.Serialization;
using GrantHub.Api.Infrastructure.Database;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Infrastructure.Http;

public static class HttpServices
{
    /// <summary>HTTP concerns: the signed-in user, JSON contract, problem details, accounts, rate limits, OpenAPI and health.</summary>
    public static IServiceCollection AddGrantHubWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<ExceptionHandlerOptions>(options =>
            options.SuppressDiagnosticsCallback = context => ProblemDetailsExceptionHandler.IsExpected(context.Exception));

        services.AddAuthorization(options => options.AddGrantHubPolicies());
        services.AddIdentityApiEndpoints<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<GrantHubDbContext>();
        services.AddDataProtection()
            .SetApplicationName("GrantHub")
            .PersistKeysToDbContext<GrantHubDbContext>();
        services.AddGrantHubRateLimiting(configuration);

        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        services.AddHealthChecks().AddDbContextCheck<GrantHubDbContext>("database", tags: ["ready"]);
        return services;
    }
}
