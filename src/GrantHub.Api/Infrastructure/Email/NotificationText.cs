using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using GrantHub.Core.Common;

namespace GrantHub.Api.Infrastructure.Email;

/// <summary>
/// A text of the notification catalogue (<c>NotificationTexts.resx</c> in English, <c>NotificationTexts.fr.resx</c> in
/// French) with its arguments, written out in each recipient's language. An argument that is a text itself is written in
/// the same language; a null argument writes nothing; dates, numbers and <see cref="NotificationAmount"/>s follow the
/// language's conventions.
/// </summary>
public sealed record NotificationText(string Key, params object?[] Arguments)
{
    public string Render(CultureInfo culture) =>
        string.Format(culture, NotificationTexts.Template(Key, culture), [.. Arguments.Select(a => a is NotificationText text ? text.Render(culture) : a)]);
}

/// <summary>An amount with its currency, written with the currency's decimals in the reader's conventions.</summary>
public readonly record struct NotificationAmount(decimal Amount, string Currency) : IFormattable
{
    public static NotificationAmount Of(Money money) => new(money.Amount, money.Currency);

    public string ToString(string? format, IFormatProvider? formatProvider) =>
        Amount.ToString("N" + Currencies.MinorUnitDigits(Currency), formatProvider) + " " + Currency;

    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);
}

/// <summary>The catalogue and the languages notifications are written in.</summary>
public static class NotificationTexts
{
    public const string ResourceName = "GrantHub.Api.Infrastructure.Email.NotificationTexts";

    public static readonly ResourceManager Resources = new(ResourceName, typeof(NotificationTexts).Assembly);

    private static readonly ConcurrentDictionary<(string Key, string Culture), string> TemplateCache = new();

    public static readonly CultureInfo English = new("en");

    /// <summary>The languages every notification and e-mail is written in; English first, the default.</summary>
    public static readonly IReadOnlyList<CultureInfo> Languages = [English, new CultureInfo("fr")];

    /// <summary>A person's preferred culture among <see cref="Languages"/>; English when she has none or another one.</summary>
    public static CultureInfo LanguageOf(string? preferredCulture) =>
        Languages.FirstOrDefault(l => string.Equals(l.TwoLetterISOLanguageName, preferredCulture?.Split('-')[0], StringComparison.OrdinalIgnoreCase)) ?? English;

    /// <summary>
    /// Read once per key and language: a reminder sweep renders tens of thousands of messages, and every
    /// <see cref="ResourceManager.GetString(string, CultureInfo)"/> takes the resource manager's lock (12 % of a
    /// 100,000-grant sweep's processor time).
    /// </summary>
    public static string Template(string key, CultureInfo culture) =>
        TemplateCache.GetOrAdd(
            (key, culture.Name),
            static (entry, culture) => Resources.GetString(entry.Key, culture)
                ?? throw new InvalidOperationException($"The notification text \"{entry.Key}\" is missing from NotificationTexts.resx."),
            culture);

    public static string Render(string key, CultureInfo culture, params object?[] arguments) => new NotificationText(key, arguments).Render(culture);
}
