using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GrantHub.Api.Infrastructure.Pipeline;

public static class PipelineServices
{
    /// <summary>The use cases: mediator with its pipeline (command log, one connection, validation, then one transaction with its audit entry), validators and the clock.</summary>
    public static IServiceCollection AddGrantHubPipeline(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(CommandLogBehavior<,>), typeof(OneConnectionBehavior<,>), typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>)];
        });
        // A rule stops at its first failure, so a later check never runs on a value already found missing or malformed.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        services.AddValidatorsFromAssemblyContaining(typeof(PipelineServices), ServiceLifetime.Scoped, includeInternalTypes: true);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AuditTrail>();
        return services;
    }
}
