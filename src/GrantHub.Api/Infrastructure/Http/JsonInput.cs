using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;

namespace GrantHub.Api.Infrastructure.Http;

/// <summary>
/// The limits every request body obeys, whatever the field: text is capped and free of control characters, dates and
/// instants fall in the business window, enums are names, and a key appears once. Fields add their own tighter rules.
/// </summary>
public static class JsonInput
{
    /// <summary>No field of the API takes more text than the longest narrative.</summary>
    public const int MaxTextLength = 20_000;

    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public static void Apply(JsonSerializerOptions options)
    {
        options.AllowDuplicateProperties = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new BoundedTextConverter());
        options.Converters.Add(new BusinessDateConverter());
        options.Converters.Add(new BusinessInstantConverter());
    }

    public static bool IsBusinessDate(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    public static bool IsBusinessInstant(DateTimeOffset instant) => IsBusinessDate(DateOnly.FromDateTime(instant.UtcDateTime));

    public static string BusinessDateMessage =>
        $"Dates must fall between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}.";

    /// <summary>Tab, line feed and carriage return are text layout; every other control character is refused.</summary>
    public static bool HasControlCharacter(string text)
    {
        foreach (var character in text)
        {
            if (char.IsControl(character) && character is not ('\t' or '\n' or '\r'))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class BoundedTextConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException();
            }

            if (reader.ValueSpan.Length > MaxTextLength * 6 || (reader.HasValueSequence && reader.ValueSequence.Length > MaxTextLength * 6))
            {
                throw new InvalidJsonValueException($"Text cannot be longer than {MaxTextLength:N0} characters.");
            }

            string text;
            try
            {
                text = reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                throw new InvalidJsonValueException("The text is not valid Unicode.");
            }

            if (text.Length > MaxTextLength)
            {
                throw new InvalidJsonValueException($"Text cannot be longer than {MaxTextLength:N0} characters.");
            }

            if (HasControlCharacter(text))
            {
                throw new InvalidJsonValueException("Text cannot contain control characters (only tabs and line breaks).");
            }

            return text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString()!;

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value);
    }

    private sealed class BusinessDateConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String
                || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new InvalidJsonValueException("Dates are written YYYY-MM-DD.");
            }

            return IsBusinessDate(date) ? date : throw new InvalidJsonValueException(BusinessDateMessage);
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private sealed class BusinessInstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var instant))
            {
                throw new InvalidJsonValueException("Instants are written in ISO 8601 with an offset (e.g. 2026-05-01T12:00:00Z).");
            }

            return IsBusinessInstant(instant) ? instant : throw new InvalidJsonValueException(BusinessDateMessage);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}

/// <summary>A value the JSON reader could parse but the API refuses; its message says why and reaches the client.</summary>
public sealed class InvalidJsonValueException(string message) : JsonException(message);

public static class BusinessDateRules
{
    /// <summary>For dates that arrive outside a JSON body (query strings), the same window the JSON reader enforces.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> IsBusinessDate<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(date => date is not { } value || JsonInput.IsBusinessDate(value)).WithMessage(JsonInput.BusinessDateMessage);
}
