using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Architecture;

/// <summary>
/// Every command goes through the unit of work that writes its audit entry, and the entry names the object the
/// command acted on. A command may be left out only by naming it here, with the reason.
/// </summary>
public class AuditCoverageTests : IDisposable
{
    /// <summary>Commands deliberately outside the audited unit of work: none today.</summary>
    private static readonly HashSet<Type> NotAudited = [];

    /// <summary>
    /// Audited commands whose entry carries no object id, on purpose: the account commands act on the caller's own
    /// account (the entry names the user), publishing open data acts on the whole portfolio.
    /// </summary>
    private static readonly HashSet<string> AuditedWithoutObject = [
        "ChangePasswordCommand", "RegisterAccountCommand", "SetPreferredLanguageCommand", "PublishOpenDataCommand",
        "BeginTwoFactorEnrolmentCommand", "EnableTwoFactorCommand", "RenewRecoveryCodesCommand", "DisableTwoFactorCommand",
    ];

    private readonly GrantHubFactory _factory = new();

    private static IEnumerable<(Type Command, Type Response)> Commands() =>
        from type in typeof(PipelineServices).Assembly.GetTypes()
        where type is { IsAbstract: false, IsInterface: false }
        from contract in type.GetInterfaces()
        where contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(ICommand<>)
        select (type, contract.GetGenericArguments()[0]);

    [Fact]
    public void Every_command_runs_in_the_audited_unit_of_work()
    {
        using var scope = _factory.Services.CreateScope();
        var commands = Commands().ToList();
        Assert.NotEmpty(commands);

        var unaudited = commands
            .Where(c => !NotAudited.Contains(c.Command))
            .Where(c =>
            {
                var behaviors = scope.ServiceProvider.GetServices(typeof(IPipelineBehavior<,>).MakeGenericType(c.Command, c.Response));
                return !behaviors.Any(b => b?.GetType() == typeof(UnitOfWorkBehavior<,>).MakeGenericType(c.Command, c.Response));
            })
            .Select(c => c.Command.Name)
            .ToList();

        Assert.Empty(unaudited);
    }

    [Fact]
    public void Every_audit_entry_names_its_object_or_the_command_is_a_sweep()
    {
        var anonymous = Commands()
            .Where(c => !AuditedWithoutObject.Contains(c.Command.Name))
            .Where(c => !typeof(IHasId).IsAssignableFrom(c.Command)
                && !typeof(IHasId).IsAssignableFrom(c.Response)
                && c.Response != typeof(SweepResult))
            .Select(c => c.Command.Name)
            .ToList();

        Assert.Empty(anonymous);
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
