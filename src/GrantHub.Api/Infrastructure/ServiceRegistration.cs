using FluentValidation;
using GrantHub.Api.Access;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Auth;
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
            options.PipelineBehaviors = [typeof(CommandLogBehavior<,>), typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>)];
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
        services.AddScoped<IdempotencyStore>();
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
        services.Configure<JsonOptions>(options => JsonInput.Apply(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<ExceptionHandlerOptions>(options =>
            options.SuppressDiagnosticsCallback = context => ProblemDetailsExceptionHandler.IsExpected(context.Exception));

        services.AddAuthorization(options => options.AddGrantHubPolicies());
        services.AddIdentityApiEndpoints<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // NIST SP 800-63B: length and a list of common passwords, no composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // Failed sign-ins are throttled (SignInThrottle), never locked; lockout only marks disabled accounts.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<GrantHubDbContext>();
        services.AddDataProtection()
            .SetApplicationName("GrantHub")
            .PersistKeysToDbContext<GrantHubDbContext>();
        // Browser cookies (?useCookies=true) are checked against the security stamp on every request, like bearer tokens.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddScoped<AccountSessions>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<CredentialCheck>();
        services.AddGrantHubRateLimiting(configuration);

        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddSchemaTransformer<ProblemDetailsSchemaTransformer>();
        });
        services.AddHealthChecks().AddDbContextCheck<GrantHubDbContext>("database", tags: ["ready"]);
        return services;
    }
}
