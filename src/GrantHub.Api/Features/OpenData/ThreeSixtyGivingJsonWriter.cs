using System.Text.Encodings.Web;
using System.Text.Json;
using static GrantHub.Api.Features.OpenData.OpenDataVocabulary;

namespace GrantHub.Api.Features.OpenData;

/// <summary>Writes a 360Giving 1.4 grant package, one grant at a time, straight to the output stream.</summary>
public static class ThreeSixtyGivingJsonWriter
{
    public const string ContentType = "application/json";

    public static async Task<int> WriteAsync(
        Stream output, IAsyncEnumerable<PublishedGrant> grants, OpenDataExportContext context, CancellationToken cancellationToken)
    {
        var (options, _, issued) = context;
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            // A downloaded file, never embedded in HTML: keep every language readable (and searchable) as UTF-8.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        json.WriteStartObject();
        json.WriteString("version", "1.4");
        json.WriteString("title", $"{options.FunderName}: grants awarded");
        json.WriteString("identifier", $"{options.IdentifierPrefix}-package-{issued:yyyyMMddTHHmmssZ}");
        json.WriteString("issued", issued.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteStartObject("publisher");
        json.WriteString("identifier", options.FunderIdentifier);
        json.WriteString("name", options.FunderName);
        json.WriteEndObject();
        json.WriteString("license", options.License);
        json.WriteStartArray("grants");
        var count = 0;
        await foreach (var grant in grants.WithCancellation(cancellationToken))
        {
            WriteGrant(json, grant, context);
            count++;
            if (json.BytesPending > 32 * 1024)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        return count;
    }

    private static void WriteGrant(Utf8JsonWriter json, PublishedGrant grant, OpenDataExportContext context)
    {
        var (options, language, _) = context;
        json.WriteStartObject();
        json.WriteString("id", grant.Identifier);
        json.WriteString("title", grant.Title);
        json.WriteString("description", grant.Description);
        json.WriteString("currency", grant.Currency);
        json.WriteNumber("amountAwarded", Major(grant.Amount, grant.Currency));
        if (grant.Disbursements.Count > 0)
        {
            json.WriteNumber("amountDisbursed", Major(grant.AmountDisbursed, grant.Currency));
        }

        json.WriteString("awardDate", IsoDate(grant.AwardDate));
        if (grant.PlannedStart is { } start && grant.PlannedEnd is { } end)
        {
            json.WriteStartArray("plannedDates");
            json.WriteStartObject();
            json.WriteString("startDate", IsoDate(start));
            json.WriteString("endDate", IsoDate(end));
            if (grant.DurationMonths is { } months)
            {
                json.WriteNumber("duration", months);
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartArray("recipientOrganization");
        foreach (var recipient in grant.Recipients)
        {
            json.WriteStartObject();
            json.WriteString("id", recipient.Identifier);
            json.WriteString("name", recipient.Name);
            if (recipient.Location is { } location)
            {
                json.WriteStartArray("location");
                WriteLocation(json, location, language);
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (grant.FiscalHost is { } host)
        {
            // Not a field of the 360Giving standard (which allows additional fields): the recipients above carry out the
            // grant; the host receives the money and passes it on for its fee.
            json.WriteStartObject("fiscalHost");
            json.WriteString("id", host.Organisation.Identifier);
            json.WriteString("name", host.Organisation.Name);
            json.WriteNumber("feePercent", host.FeePercent);
            json.WriteEndObject();
        }

        json.WriteStartArray("fundingOrganization");
        json.WriteStartObject();
        json.WriteString("id", options.FunderIdentifier);
        json.WriteString("name", options.FunderName);
        json.WriteEndObject();
        json.WriteEndArray();
        if (grant.Programmes.Count > 0)
        {
            json.WriteStartArray("grantProgramme");
            foreach (var programme in grant.Programmes)
            {
                json.WriteStartObject();
                json.WriteString("code", programme.Code);
                json.WriteString("title", programme.Title);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (grant.BeneficiaryLocations.Count > 0)
        {
            json.WriteStartArray("beneficiaryLocation");
            foreach (var location in grant.BeneficiaryLocations)
            {
                WriteLocation(json, location, language);
            }

            json.WriteEndArray();
        }

        if (grant.Pillars.Count + grant.TargetGroups.Count > 0)
        {
            json.WriteStartArray("classifications");
            foreach (var (vocabulary, code, title) in Classifications(grant))
            {
                json.WriteStartObject();
                json.WriteString("vocabulary", vocabulary);
                json.WriteString("code", code);
                json.WriteString("title", title);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    public static IEnumerable<(string Vocabulary, string Code, string Title)> Classifications(PublishedGrant grant) =>
        grant.Pillars.Select(p => (PillarVocabulary, p.ToString(), Title(p)))
            .Concat(grant.TargetGroups.Select(g => (TargetGroupVocabulary, g.ToString(), Title(g))));

    private static void WriteLocation(Utf8JsonWriter json, PublishedLocation location, string language)
    {
        json.WriteStartObject();
        if (location.CountryCode is { } country)
        {
            json.WriteString("countryCode", country);
        }

        if (location.Region is { } region)
        {
            json.WriteString("name", region.Name(language));
            json.WriteString("geoCode", region.Code);
            json.WriteString("geoCodeType", RegionGeoCodeType);
        }

        json.WriteEndObject();
    }
}
