using System.Collections.Concurrent;
using System.Globalization;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;

namespace GrantHub.Api.Web;

/// <summary>Localised wording of what the use cases say in English, and of dates and amounts.</summary>
public static class WebText
{
    private static readonly ConcurrentDictionary<(string Language, string Code), string> CountryNames = new();

    /// <summary>The sentence for a 409 rule name, or the English message for a rule without a translation yet.</summary>
    public static string Rule(IStringLocalizer text, string rule, string englishMessage)
    {
        var sentence = text["Rule." + rule];
        return sentence.ResourceNotFound ? englishMessage : sentence.Value;
    }

    /// <summary>
    /// FluentValidation's own messages are already in the request's language; messages written by our validators
    /// are looked up by their English text. The quoted property name becomes the field's label.
    /// </summary>
    public static string ValidationMessage(IStringLocalizer text, ValidationFailure failure)
    {
        var custom = text["Message." + failure.ErrorMessage];
        if (!custom.ResourceNotFound)
        {
            return custom.Value;
        }

        var message = failure.ErrorMessage;
        if (failure.FormattedMessagePlaceholderValues?.TryGetValue("PropertyName", out var name) == true && name is string propertyName)
        {
            var label = text["Field." + LastSegment(failure.PropertyName)];
            var shown = label.ResourceNotFound ? propertyName : label.Value;
            message = message.Replace($"'{propertyName}'", text["Quoted", shown], StringComparison.Ordinal);
        }

        return message;
    }

    public static string Date(DateOnly date) => date.ToString("D", CultureInfo.CurrentCulture);

    public static string Date(DateTimeOffset instant) => instant.UtcDateTime.ToString("D", CultureInfo.CurrentCulture);

    /// <summary>A deadline with its time and time zone: deadlines are instants in UTC.</summary>
    public static string Deadline(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("D", CultureInfo.CurrentCulture) + ", " + instant.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>Time left on a promise, in whole hours and minutes, or how long ago it was broken.</summary>
    public static string TimeLeft(IStringLocalizer text, TimeSpan left)
    {
        // To the nearest minute: stored instants keep 0.1 ms, so a fresh request must not read "71 h 59 min".
        var span = TimeSpan.FromMinutes(Math.Round(left.Duration().TotalMinutes));
        var hours = (int)span.TotalHours;
        return text[left >= TimeSpan.Zero ? "Finance.TimeLeft" : "Finance.Overdue", hours, span.Minutes];
    }

    public static string Amount(decimal amount, string currency) =>
        amount.ToString("N" + GrantHub.Core.Common.Currencies.MinorUnitDigits(currency), CultureInfo.CurrentCulture) + " " + currency;

    /// <summary>
    /// An organisation's name as the use case gave it (<see cref="Infrastructure.Security.Visibility.NameShownTo"/>), with the
    /// placeholders of an at-risk organisation written in the reader's language.
    /// </summary>
    public static string OrganisationName(IStringLocalizer text, string name) => name switch
    {
        Infrastructure.Security.Visibility.WithheldOrganisationName => text["Csv.AtRiskOrganisation"],
        Features.Applications.ApplicationResponses.UnconfirmedSensitiveOrganisationName => text["Organisation.InvitedPlaceholder"],
        _ => name,
    };

    /// <summary>An enum value in words, e.g. <c>Pillar.Protection</c>.</summary>
    public static string Name<TEnum>(IStringLocalizer text, TEnum value)
        where TEnum : struct, Enum => text[$"{typeof(TEnum).Name}.{value}"];

    /// <summary>
    /// A country's name in the reader's language, from the ICU data .NET reads (globalization is not invariant here):
    /// the native name of the region in a locale of that language and that region, e.g. <c>fr-NP</c> gives "Népal".
    /// A code ICU does not know is shown as it is.
    /// </summary>
    public static string Country(string code)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return CountryNames.GetOrAdd((language, code), key =>
        {
            try
            {
                return new RegionInfo($"{key.Language}-{key.Code}").NativeName;
            }
            catch (ArgumentException)
            {
                return key.Code;
            }
        });
    }

    /// <summary>Reads an amount as people type it: "1 000,50" or "1000.50"; null when it is not a number.</summary>
    public static decimal? ParseAmount(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var compact = new string([.. typed.Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '\u00A0')]).Replace(',', '.');
        return decimal.TryParse(compact, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;
    }

    /// <summary>An amount as it is typed back into a form field.</summary>
    public static string Typed(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    private static string LastSegment(string path)
    {
        var name = path[(path.LastIndexOf('.') + 1)..];
        var bracket = name.IndexOf('[');
        return bracket < 0 ? name : name[..bracket];
    }
}
