using System.Globalization;
using System.Text;
using static GrantHub.Api.Features.OpenData.OpenDataVocabulary;

namespace GrantHub.Api.Features.OpenData;

/// <summary>
/// Writes the same grants as the 360Giving package in the standard's flattened form (RFC 4180 CSV, UTF-8, column
/// titles as the 360Giving spreadsheet template and flatten-tool name them, repeated fields numbered from 0). The
/// number of repeated columns comes from <see cref="PortfolioShape"/>, read before the first row.
/// </summary>
public static class ThreeSixtyGivingCsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static async Task<int> WriteAsync(
        Stream output, IAsyncEnumerable<PublishedGrant> grants, PortfolioShape shape, OpenDataExportContext context, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 32 * 1024, leaveOpen: true);
        await writer.WriteAsync(Line(Header(shape)));
        var count = 0;
        await foreach (var grant in grants.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(Row(grant, shape, context)));
            count++;
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }

    private static IEnumerable<string> Header(PortfolioShape shape)
    {
        string[] fixedColumns =
        [
            "Identifier", "Title", "Description", "Currency", "Amount Awarded", "Amount Disbursed", "Award Date",
            "Planned Dates:0:Start Date", "Planned Dates:0:End Date", "Planned Dates:0:Duration (months)",
        ];
        return fixedColumns
            .Concat(Enumerable.Range(0, shape.MaxRecipients).SelectMany(i => new[] { $"Recipient Org:{i}:Identifier", $"Recipient Org:{i}:Name" }
                .Concat(LocationHeader($"Recipient Org:{i}:Location:0"))))
            .Concat(["Funding Org:0:Identifier", "Funding Org:0:Name", "Grant Programme:0:Code", "Grant Programme:0:Title", "Grant Programme:1:Code", "Grant Programme:1:Title"])
            .Concat(Enumerable.Range(0, shape.MaxLocations).SelectMany(i => LocationHeader($"Beneficiary Location:{i}")))
            .Concat(Enumerable.Range(0, shape.MaxClassifications).SelectMany(i => new[]
            {
                $"Classifications:{i}:Vocabulary", $"Classifications:{i}:Code", $"Classifications:{i}:Title",
            }))
            // The package's additional fiscalHost object, by its path (it has no title in the standard's template).
            .Concat(["fiscalHost/id", "fiscalHost/name", "fiscalHost/feePercent"]);
    }

    private static string[] LocationHeader(string prefix) =>
        [$"{prefix}:Country Code", $"{prefix}:Name", $"{prefix}:Geographic Code", $"{prefix}:Geographic Code Type"];

    private static IEnumerable<string?> Row(PublishedGrant grant, PortfolioShape shape, OpenDataExportContext context)
    {
        var (options, language, _) = context;
        var recipients = grant.Recipients.ToList();
        var classifications = ThreeSixtyGivingJsonWriter.Classifications(grant).ToList();
        return new[]
            {
                grant.Identifier, grant.Title, grant.Description, grant.Currency,
                Number(Major(grant.Amount, grant.Currency)),
                grant.Disbursements.Count > 0 ? Number(Major(grant.AmountDisbursed, grant.Currency)) : null,
                IsoDate(grant.AwardDate),
                grant.PlannedStart is { } start ? IsoDate(start) : null,
                grant.PlannedEnd is { } end ? IsoDate(end) : null,
                grant.DurationMonths?.ToString(CultureInfo.InvariantCulture),
            }
            .Concat(Enumerable.Range(0, shape.MaxRecipients).SelectMany(i => i < recipients.Count
                ? new[] { recipients[i].Identifier, recipients[i].Name }.Concat(Location(recipients[i].Location, language))
                : Blank(6)))
            .Concat([options.FunderIdentifier, options.FunderName])
            .Concat(Enumerable.Range(0, 2).SelectMany(i => i < grant.Programmes.Count ? new[] { grant.Programmes[i].Code, grant.Programmes[i].Title } : Blank(2)))
            .Concat(Enumerable.Range(0, shape.MaxLocations).SelectMany(i => i < grant.BeneficiaryLocations.Count
                ? Location(grant.BeneficiaryLocations[i], language)
                : Blank(4)))
            .Concat(Enumerable.Range(0, shape.MaxClassifications).SelectMany(i => i < classifications.Count
                ? new[] { classifications[i].Vocabulary, classifications[i].Code, classifications[i].Title }
                : Blank(3)))
            .Concat(grant.FiscalHost is { } host ? [host.Organisation.Identifier, host.Organisation.Name, Number(host.FeePercent)] : Blank(3));
    }

    private static string?[] Location(PublishedLocation? location, string language) =>
        location is null ? Blank(4) : [location.CountryCode, location.Region?.Name(language), location.Region?.Code, location.Region is null ? null : RegionGeoCodeType];

    private static string?[] Blank(int count) => new string?[count];

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Escape)) + "\r\n";

    private static string Escape(string? cell) =>
        cell is null ? "" : cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
