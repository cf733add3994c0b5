using System.Globalization;
using System.Resources;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Api.Web;
using GrantHub.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GrantHub.BrowserTests;

/// <summary>
/// One person's browser tab. After every page it reaches, it checks the page with axe (no serious or critical
/// violation), weighs what crossed the network for it (first page of the visit ≤ 60 KB, later ones ≤ 20 KB), and
/// writes screenshots at 360 and 1280 pixels wide and at 200 % zoom, where nothing may scroll sideways.
/// </summary>
public sealed class PageVisitor
{
    public const int FirstVisitBudget = 60 * 1024;
    public const int WarmPageBudget = 20 * 1024;

    private const string ScrollsSideways = "document.documentElement.scrollWidth > window.innerWidth + 1";

    private static readonly ResourceManager Resources = new("GrantHub.Api.Web.SharedResource", typeof(SharedResource).Assembly);
    private readonly List<IResponse> _responses = [];
    private readonly string _screenshots;
    private readonly string _who;
    private int _pages;

    private PageVisitor(IPage page, CultureInfo culture, string who, string screenshots)
    {
        Page = page;
        Culture = culture;
        _who = who;
        _screenshots = screenshots;
        page.Response += (_, response) => _responses.Add(response);
    }

    public IPage Page { get; }

    public CultureInfo Culture { get; }

    public List<string> Report { get; } = [];

    public static async Task<PageVisitor> Open(BrowserHost host, string language, string who)
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl,
            Locale = language == "fr" ? "fr-FR" : "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots", language);
        Directory.CreateDirectory(screenshots);
        return new PageVisitor(await context.NewPageAsync(), new CultureInfo(language == "fr" ? "fr" : ""), who, screenshots);
    }

    /// <summary>A text of the web application in this visitor's language, as the pages show it.</summary>
    public string Text(string key, params object[] arguments)
    {
        var text = Resources.GetString(key, Culture) ?? throw new KeyNotFoundException(key);
        return arguments.Length == 0 ? text : string.Format(Culture, text, arguments);
    }

    public async Task Go(string url)
    {
        _responses.Clear();
        await Page.GotoAsync(url);
        await Arrived();
    }

    /// <summary>Runs an action that navigates (a click on a link or a button), then checks the page reached.</summary>
    public async Task Navigate(Func<Task> action)
    {
        _responses.Clear();
        var navigated = new TaskCompletionSource();
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == Page.MainFrame)
            {
                navigated.TrySetResult();
            }
        }

        Page.FrameNavigated += OnNavigated;
        try
        {
            await action();
            await navigated.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Page.FrameNavigated -= OnNavigated;
        }

        await Arrived();
    }

    public Task Click(string buttonOrLinkText) =>
        Navigate(() => Page.GetByRole(AriaRole.Button, new() { Name = buttonOrLinkText, Exact = true })
            .Or(Page.GetByRole(AriaRole.Link, new() { Name = buttonOrLinkText, Exact = true })).First.ClickAsync());

    public Task Fill(string label, string value) => Page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    /// <summary>
    /// Signs in through the pages with the demo password and, for an account with a second factor (staff are enrolled with
    /// the demo key when they are not yet), the code its authenticator app shows; lands on the home page.
    /// </summary>
    public async Task SignIn(GrantHubFactory factory, string email)
    {
        var code = await factory.SecondFactorCode(email);
        await Go("/account/login");
        await Fill(Text("Field.Email"), email);
        await Fill(Text("Field.Password"), DemoData.Password);
        await Navigate(() => Page.GetByRole(AriaRole.Button, new() { Name = Text("Account.SignIn"), Exact = true }).ClickAsync());
        if (code is not null)
        {
            await Fill(Text("TwoFactor.Code"), code);
            await Navigate(() => Page.GetByRole(AriaRole.Button, new() { Name = Text("Account.SignIn"), Exact = true }).ClickAsync());
        }

        Assert.EndsWith("/home", Page.Url);
    }

    /// <summary>
    /// axe's serious and critical violations on the page as it is now, one line each. Legacy mode runs axe once, inside
    /// the page. The default mode finishes every run in a new blank tab with a second copy of axe, for frames from other
    /// origins; GrantHub's pages have no frames, and that tab tripled the check's time (the browser suite went from
    /// 7 minutes to 3.5). The rules are the same.
    /// </summary>
    public static async Task<List<string>> SeriousViolations(IPage page)
    {
#pragma warning disable CS0618 // RunAxeLegacy is marked for removal some day; the default mode's cost is explained above.
        var axe = await page.RunAxeLegacy(options: new AxeRunOptions { Iframes = false });
#pragma warning restore CS0618
        return axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Select(n => n.Html))}")
            .ToList();
    }

    /// <summary>
    /// Waits for the page's load event. On a loaded 2-core CI machine Playwright twice missed a load that had happened
    /// (its log said the network was idle; SigningJourneyTests, fr): the document's own readyState settles it then.
    /// </summary>
    private async Task LoadedAsync()
    {
        try
        {
            await Page.WaitForLoadStateAsync(LoadState.Load);
        }
        catch (TimeoutException)
        {
            if (await Page.EvaluateAsync<string>("document.readyState") != "complete")
            {
                throw;
            }
        }
    }

    private async Task Arrived()
    {
        await LoadedAsync();
        _pages++;
        var path = new Uri(Page.Url).AbsolutePath;

        var transferred = 0L;
        foreach (var response in _responses.ToList())
        {
            var sizes = await response.Request.SizesAsync();
            transferred += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }

        var budget = _pages == 1 ? FirstVisitBudget : WarmPageBudget;
        Report.Add($"{_who} {path}: {transferred} bytes");
        Assert.True(transferred <= budget, $"{_who} {path} transferred {transferred} bytes, over its budget of {budget}.");

        var serious = await SeriousViolations(Page);
        Assert.True(serious.Count == 0, $"{_who} {path}: {string.Join("\n", serious)}");

        var name = $"{_pages:00}-{_who}-{string.Join('-', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParse(s, out _) ? "id" : s))}";
        await Page.ScreenshotAsync(new() { Path = Path.Combine(_screenshots, $"{name}-1280.png"), FullPage = true });
        await Page.SetViewportSizeAsync(360, 800);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(_screenshots, $"{name}-360.png"), FullPage = true });
        var overflows = await Page.EvaluateAsync<bool>(ScrollsSideways);
        var overflowsZoomed = await AtDoubleZoom(() => Page.ScreenshotAsync(new() { Path = Path.Combine(_screenshots, $"{name}-zoom200.png"), FullPage = true }));
        await Page.SetViewportSizeAsync(1280, 900);
        Assert.False(overflows, $"{_who} {path} scrolls sideways at 360 px.");
        Assert.False(overflowsZoomed, $"{_who} {path} scrolls sideways at 200 % zoom.");
    }

    /// <summary>
    /// A 1280 × 900 window zoomed to 200 %: 640 × 450 CSS pixels drawn with two device pixels each, as Chromium lays
    /// out a zoomed page (WCAG 1.4.4 and 1.4.10). Returns whether the page then scrolls sideways.
    /// </summary>
    private async Task<bool> AtDoubleZoom(Func<Task> whileZoomed)
    {
        var devtools = await Page.Context.NewCDPSessionAsync(Page);
        try
        {
            await devtools.SendAsync("Emulation.setDeviceMetricsOverride", new Dictionary<string, object>
            {
                ["width"] = 640, ["height"] = 450, ["deviceScaleFactor"] = 2, ["mobile"] = false,
            });
            var innerWidth = await Page.EvaluateAsync<int>("window.innerWidth");
            Assert.Equal(640, innerWidth);
            await whileZoomed();
            return await Page.EvaluateAsync<bool>(ScrollsSideways);
        }
        finally
        {
            await devtools.SendAsync("Emulation.clearDeviceMetricsOverride");
            await devtools.DetachAsync();
        }
    }

}
