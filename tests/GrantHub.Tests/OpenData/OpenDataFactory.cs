using GrantHub.Api.Features.OpenData;
using GrantHub.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.OpenData;

/// <summary>GrantHub configured for open data: a pseudonym secret and a publish folder of its own.</summary>
public class OpenDataFactory : GrantHubFactory
{
    public const string Secret = "test-secret-0123456789-abcdefghijklmnop";

    public string PublishFolder { get; } = Path.Combine(Path.GetTempPath(), $"granthub-open-data-{Guid.NewGuid():N}");

    protected virtual IDictionary<string, string?> OpenDataSettings => new Dictionary<string, string?>();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["OpenData:PseudonymSecret"] = Secret;
            settings["OpenData:PublishFolder"] = PublishFolder;
            foreach (var (key, value) in OpenDataSettings)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    /// <summary>Runs the export use case in a scope of <paramref name="services"/> and returns the file's bytes.</summary>
    public static async Task<byte[]> Export(IServiceProvider services, OpenDataFormat format, string? language = null)
    {
        await using var scope = services.CreateAsyncScope();
        var export = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExportOpenDataQuery(format, language));
        using var output = new MemoryStream();
        await export.WriteAsync(output, CancellationToken.None);
        return output.ToArray();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(PublishFolder))
        {
            Directory.Delete(PublishFolder, recursive: true);
        }
    }
}

/// <summary>The open-data factory with the <see cref="OpenDataPortfolioScenario"/> built once for a test class.</summary>
public abstract class OpenDataPortfolioFixture(OpenDataFactory factory) : IAsyncLifetime
{
    public OpenDataFactory Factory { get; } = factory;

    public OpenDataPortfolioScenario Portfolio { get; private set; } = null!;

    public async Task InitializeAsync() => Portfolio = await Factory.BuildPortfolio();

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The default safety settings.</summary>
public sealed class DefaultPortfolioFixture() : OpenDataPortfolioFixture(new OpenDataFactory());

/// <summary>Amounts published exactly, so that totals can be compared with the database to the cent.</summary>
public sealed class ExactAmountsPortfolioFixture() : OpenDataPortfolioFixture(new ConfiguredOpenDataFactory(new() { ["OpenData:SensitiveAmountRoundTo"] = "0" }));

/// <summary>Sensitive locations omitted rather than replaced by their region.</summary>
public sealed class OmittedLocationsPortfolioFixture() : OpenDataPortfolioFixture(new ConfiguredOpenDataFactory(new() { ["OpenData:SensitiveLocation"] = "Omit" }));

/// <summary>The public endpoint switched on.</summary>
public sealed class PublicOpenDataPortfolioFixture() : OpenDataPortfolioFixture(new ConfiguredOpenDataFactory(new() { ["OpenData:Publish"] = "true" }));

public sealed class ConfiguredOpenDataFactory(Dictionary<string, string?> settings) : OpenDataFactory
{
    protected override IDictionary<string, string?> OpenDataSettings => settings;
}
