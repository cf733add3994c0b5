using Deque.AxeCore.Playwright;

namespace GrantHub.BrowserTests;

/// <summary>
/// The accessibility check every journey runs on every page (<see cref="PageVisitor.SeriousViolations"/>) can fail,
/// and it finds what axe's default mode finds.
/// </summary>
[Trait("Category", "Browser")]
public class AccessibilityCheckTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string BrokenPage = """
        <!doctype html>
        <html lang="en"><head><title>Broken</title></head>
        <body><main><h1>Broken</h1><button></button><img src="data:,"></main></body></html>
        """;

    [Fact]
    public async Task The_check_reports_a_nameless_button_and_an_image_without_text_as_axe_default_mode_does()
    {
        var page = await host.Browser.NewPageAsync();
        await page.SetContentAsync(BrokenPage);

        var serious = await PageVisitor.SeriousViolations(page);
        var defaultMode = (await page.RunAxe()).Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => v.Id)
            .ToList();
        await page.CloseAsync();

        Assert.Contains(serious, v => v.StartsWith("button-name (critical)", StringComparison.Ordinal));
        Assert.Contains(serious, v => v.StartsWith("image-alt (critical)", StringComparison.Ordinal));
        Assert.Equal(defaultMode.Order(), serious.Select(v => v.Split(' ')[0]).Order());
    }
}
