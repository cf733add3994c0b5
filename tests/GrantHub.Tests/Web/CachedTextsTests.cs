using System.Globalization;
using GrantHub.Api.Web;
using GrantHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GrantHub.Tests.Web;

/// <summary>The pages' texts come from a cache in front of the resource files, and say exactly what the files say.</summary>
public class CachedTextsTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void Every_page_text_reads_as_the_resource_file_gives_it(string language)
    {
        var files = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource));
        using var scope = factory.Services.CreateScope();
        var pages = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        Assert.IsType<CachedTextsFactory>(scope.ServiceProvider.GetRequiredService<IStringLocalizerFactory>());
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(language);
            var all = files.GetAllStrings(includeParentCultures: true).ToList();

            Assert.True(all.Count > 100);
            foreach (var text in all)
            {
                Assert.Equal(text.Value, pages[text.Name].Value);
                Assert.Equal(text.Value, pages[text.Name].Value);
            }

            Assert.Equal(files["Grants.ResultCount", 1234].Value, pages["Grants.ResultCount", 1234].Value);
            Assert.True(pages["No.Such.Text"].ResourceNotFound);
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_text_is_read_from_the_file_once_per_language_and_a_missing_one_every_time()
    {
        var file = new CountingTexts();
        var texts = new CachedTexts(file);
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            _ = texts["Home.Hello"];
            _ = texts["Home.Hello", "Amina"];
            CultureInfo.CurrentUICulture = new CultureInfo("fr");
            _ = texts["Home.Hello"];
            _ = texts["Missing"];
            _ = texts["Missing"];
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }

        Assert.Equal(["en:Home.Hello", "fr:Home.Hello", "fr:Missing", "fr:Missing"], file.Asked);
    }

    [Fact]
    public void A_text_is_looked_up_in_the_interface_language_and_its_arguments_written_in_the_formatting_culture()
    {
        var texts = new CachedTexts(new CountingTexts());
        var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            CultureInfo.CurrentCulture = new CultureInfo("fr");

            Assert.Equal("Hello 1234,5", texts["Home.Hello", 1234.5m].Value);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formatting);
        }
    }

    private sealed class CountingTexts : IStringLocalizer
    {
        public List<string> Asked { get; } = [];

        public LocalizedString this[string name]
        {
            get
            {
                Asked.Add($"{CultureInfo.CurrentUICulture.Name}:{name}");
                return name == "Missing" ? new LocalizedString(name, name, resourceNotFound: true) : new LocalizedString(name, "Hello {0}");
            }
        }

        public LocalizedString this[string name, params object[] arguments] => throw new NotSupportedException();

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
