using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Notifications;

/// <summary>Tests against a real SMTP server on loopback: one server per test, and hosts that send to it.</summary>
public abstract class LoopbackSmtpTests : IAsyncLifetime
{
    private readonly List<Infrastructure.GrantHubFactory> _hosts = [];

    protected LoopbackSmtpServer Smtp { get; } = new();

    public Task InitializeAsync() => Smtp.StartAsync();

    public async Task DisposeAsync()
    {
        await Smtp.DisposeAsync();
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            host.Dispose();
        }
    }

    /// <summary>Disposes the host with the test.</summary>
    protected Infrastructure.GrantHubFactory Track(Infrastructure.GrantHubFactory host)
    {
        _hosts.Add(host);
        return host;
    }

    /// <summary>A host whose mail goes to this test's server, with any further settings.</summary>
    protected Infrastructure.GrantHubFactory StartHost(
        int maxAttempts = 10,
        int batchSize = 50,
        Dictionary<string, string?>? extra = null,
        Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>(Smtp.HostSettings(maxAttempts, batchSize));
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return Track(Infrastructure.GrantHubFactory.WithSettings(settings, services));
    }
}
