using System.Text.Json.Serialization;
using FluentValidation;
using GrantHub.Api.Access;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Decisions;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Features.Reviews;
using GrantHub.Core.Data;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GrantHub.Api.Infrastructure;

public static class ServiceRegistration
{
    /// <summary>The use cases: mediator with its pipeline, validators, the clock and the audit trail.</summary>
    public static IServiceCollection AddGrantHubApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>)];
        });
        // A rule stops at its first failure, so a later check never runs on a value already found missing or malformed.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<Viewer>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<Notifier>();
        services.AddSingleton<IdempotencyStore>();
        services.AddScoped<ApplicationNotifications>();
        services.AddScoped<InvitationNotifications>();
        services.AddScoped<ReviewNotifications>();
        services.AddScoped<DecisionNotifications>();
        services.AddScoped<DemoData>();
        services.AddScoped<AdminBootstrap>();
        services.AddGrantServices();
        return services;
    }

    /// <summary>HTTP concerns: JSON contract, problem details, accounts, rate limits, OpenAPI and health.</summary>
    public static IServiceCollection AddGrantHubWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
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
