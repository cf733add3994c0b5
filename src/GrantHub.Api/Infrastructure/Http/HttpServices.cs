using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Database;
using GrantHub.Api.Infrastructure.Time;
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
        services.Configure<JsonOptions>(options => JsonInput.Apply(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<Viewer>();
        services.AddScoped<RequestArrival>();
        services.AddSingleton<IStartupFilter, RequestArrival.Recorder>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<ExceptionHandlerOptions>(options =>
            options.SuppressDiagnosticsCallback = context => ProblemDetailsExceptionHandler.IsExpected(context.Exception));

        services.AddAuthorization(options => options.AddGrantHubPolicies());
        services.AddIdentityApiEndpoints<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // NIST SP 800-63B: length and a list of common passwords (the Auth feature's validator), no composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // Failed sign-ins are throttled (SignInThrottle), never locked; lockout only marks disabled accounts.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<GrantHubDbContext>();
        services.AddDataProtection()
            .SetApplicationName("GrantHub")
            .PersistKeysToDbContext<GrantHubDbContext>();
        services.AddGrantHubRateLimiting(configuration);

        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddSchemaTransformer<ProblemDetailsSchemaTransformer>();
            options.AddSchemaTransformer<ContractSchemaTransformer>();
            options.AddOperationTransformer<OperationIdTransformer>();
            options.AddDocumentTransformer<DocumentContractTransformer>();
        });
        services.AddHealthChecks().AddDbContextCheck<GrantHubDbContext>("database", tags: ["ready"]);
        return services;
    }
}
