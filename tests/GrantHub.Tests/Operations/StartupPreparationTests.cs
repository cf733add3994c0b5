using System.Net;
using System.Net.Sockets;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GrantHub.Tests.Operations;

/// <summary>
/// The demo data and the recurring jobs' schedules are made while the web server starts listening: until they are in
/// place the host does not count as started and holds every request but the liveness probe.
/// </summary>
public class StartupPreparationTests
{
    [Fact]
    public async Task Requests_wait_for_the_start_up_preparation_while_the_liveness_probe_answers_at_once()
    {
        var scheduling = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var port = FreeLoopbackPort();
        await using var factory = GrantHubFactory.WithSettings(
            new Dictionary<string, string?>(),
            services => services.AddSingleton(new RecurringJobDefinition("held-by-the-test", "HeldByTheTest", "0 0 1 1 *", (_, _) => scheduling.Task.Wait())));
        factory.UseKestrel(port);
        var starting = Task.Run(factory.StartServer);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
        try
        {
            await (await LivenessOnceListening(client)).ShouldBe(HttpStatusCode.OK);
            var readiness = client.GetAsync("/health/ready");
            var page = client.GetAsync("/account/login");
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.False(readiness.IsCompleted, "/health/ready answered before the start-up preparation was done.");
            Assert.False(page.IsCompleted, "A page answered before the start-up preparation was done.");
            Assert.False(starting.IsCompleted, "The host counted as started before the start-up preparation was done.");

            scheduling.SetResult();
            await starting.WaitAsync(TimeSpan.FromMinutes(1));
            await (await readiness).ShouldBe(HttpStatusCode.OK);
            await (await page).ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            scheduling.TrySetResult();
        }
    }

    [Fact]
    public void A_failed_preparation_fails_the_start_with_its_reason()
    {
        using var factory = GrantHubFactory.WithSettings(
            new Dictionary<string, string?>(),
            services => services.AddSingleton(new RecurringJobDefinition(
                "refused-by-the-test", "RefusedByTheTest", "0 0 1 1 *", (_, _) => throw new InvalidOperationException("The job storage refused the schedule."))));

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("The job storage refused the schedule.", failure.ToString());
    }

    [Fact]
    public void The_framework_reads_no_data_protection_key_at_the_host_s_start_before_the_database_is_ready()
    {
        using var factory = new GrantHubFactory();

        var hostedServices = factory.Services.GetServices<IHostedService>().Select(service => service.GetType().Name).ToList();

        Assert.Contains(nameof(StartupPreparation), hostedServices);
        Assert.DoesNotContain("DataProtectionHostedService", hostedServices);
    }

    /// <summary>Kestrel listens part-way through the host's start; until then the connection is refused.</summary>
    private static async Task<HttpResponseMessage> LivenessOnceListening(HttpClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            try
            {
                return await client.GetAsync("/health", timeout.Token);
            }
            catch (HttpRequestException refused) when (refused.InnerException is SocketException)
            {
                await Task.Delay(50, timeout.Token);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
