using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace GrantHub.Api.Web;

/// <summary>
/// The pages' texts, read from the resource files once per key and language. <see cref="ResourceManagerStringLocalizer"/>
/// asks the <see cref="System.Resources.ResourceManager"/> on every call, which takes one lock shared by every request: a
/// page writes a hundred texts or more (the officer's home, two per waiting item), and under load requests queued on
/// that lock. Texts not found are not kept, so a key made of input cannot grow the cache.
/// </summary>
public sealed class CachedTextsFactory(ResourceManagerStringLocalizerFactory resourceFiles) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<IStringLocalizer, CachedTexts> _localizers = new();

    public IStringLocalizer Create(Type resourceSource) => Cached(resourceFiles.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => Cached(resourceFiles.Create(baseName, location));

    // The resource-file factory hands out one localizer per resource, so each gets one cache.
    private CachedTexts Cached(IStringLocalizer localizer) => _localizers.GetOrAdd(localizer, static inner => new CachedTexts(inner));
}

/// <summary>One resource's texts, kept per language (the current UI culture) once found.</summary>
public sealed class CachedTexts(IStringLocalizer resourceFile) : IStringLocalizer
{
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _found = new();

    public LocalizedString this[string name]
    {
        get
        {
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_found.TryGetValue(key, out var text))
            {
                return text;
            }

            text = resourceFile[name];
            return text.ResourceNotFound ? text : _found.GetOrAdd(key, text);
        }
    }

    /// <summary>The text with its arguments written in the current culture, as <see cref="ResourceManagerStringLocalizer"/> does.</summary>
    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resourceFile.GetAllStrings(includeParentCultures);
}
