using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.BrowserTests;

/// <summary>
/// The real host on Kestrel at a loopback port (demo data, fake clock, its own SQLite file) and Debian's Chromium,
/// driven by Playwright. Playwright never downloads a browser: it launches /usr/bin/chromium.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Plain http on loopback: the session cookie may not require https here (it does outside Development and tests).
    public GrantHubFactory Factory { get; } = GrantHubFactory.WithSettings(new Dictionary<string, string?> { ["Web:SecureCookies"] = "false" });

    public string BaseUrl { get; private set; } = "";

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive Debian's Chromium at {ChromiumPath}: install it with 'apt-get install -y chromium' (.ci/run does), "
                + "or leave these tests out with --filter Category!=Browser.");
        }

        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Factory.DisposeAsync();
    }
}
