using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace GrantHub.Tests.Notifications;

/// <summary>
/// A real SMTP server (SmtpServer) on a free loopback port that keeps every message it accepts. It can be
/// started, stopped and started again on the same port, and told to refuse some recipients (550).
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly ConcurrentDictionary<string, bool> _refusedRecipients = new(StringComparer.OrdinalIgnoreCase);
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    public int Port { get; } = FreeLoopbackPort();

    public IReadOnlyCollection<MimeMessage> Received => [.. _received];

    /// <summary>The settings that point a GrantHub host at this server (no TLS on loopback).</summary>
    public IReadOnlyDictionary<string, string?> HostSettings(int maxAttempts = 10, int batchSize = 50) => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:From"] = "granthub@example.org",
        ["Smtp:UseStartTls"] = "false",
        ["Smtp:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["App:PublicBaseUrl"] = "https://grants.example.org",
    };

    public void Refuse(string recipientAddress) => _refusedRecipients[recipientAddress] = true;

    /// <summary>The messages for the given notification (its Message-ID names it).</summary>
    public IReadOnlyList<MimeMessage> ReceivedFor(Guid notificationId) =>
        [.. Received.Where(m => m.MessageId == $"notification-{notificationId:N}@example.org")];

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new KeepingMessageStore(_received));
        services.Add(new RefusingMailboxFilter(_refusedRecipients));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(CancellationToken.None);
        await WaitUntilListeningAsync();
    }

    public async Task StopAsync()
    {
        if (_server is null || _running is null)
        {
            return;
        }

        _server.Shutdown();
        await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(10));
        await _running.WaitAsync(TimeSpan.FromSeconds(10));
        _server = null;
        _running = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (attempt < 100)
            {
                await Task.Delay(50);
            }
        }
    }

    private sealed class KeepingMessageStore(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class RefusingMailboxFilter(ConcurrentDictionary<string, bool> refused) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!refused.ContainsKey(to.AsAddress()));
    }
}
