using Hangfire;
using Hangfire.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GrantHub.Tests.Infrastructure;

/// <summary>
/// Hangfire's log provider is process-wide (<c>LogProvider</c> is static), and each host's <c>AddHangfire</c> points it at
/// that host's logger factory when it first resolves <see cref="IGlobalConfiguration"/>. With several test hosts in one
/// process, a host that starts while another has just been disposed then builds its job manager with a disposed logger
/// factory (<c>ObjectDisposedException: LoggerFactory</c>, seen once in a full run). Test hosts give Hangfire a provider
/// that belongs to no host; the application's own log lines (commands, job runs) are unaffected.
/// </summary>
public sealed class SilentHangfireLog : ILogProvider, ILog
{
    public static readonly SilentHangfireLog Instance = new();

    public ILog GetLogger(string name) => this;

    public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;

    /// <summary>Wraps the host's <see cref="IGlobalConfiguration"/> so that, once Hangfire has set its defaults, the provider is this one.</summary>
    public static void Use(IServiceCollection services)
    {
        var hangfire = services.Single(d => d.ServiceType == typeof(IGlobalConfiguration));
        services.Replace(ServiceDescriptor.Singleton<IGlobalConfiguration>(provider =>
            ((IGlobalConfiguration)hangfire.ImplementationFactory!(provider)).UseLogProvider(Instance)));
    }
}
