using GrantHub.Core.Common;

namespace GrantHub.Api.Features.OpenData;

public enum OpenDataFormat
{
    ThreeSixtyGivingJson,
    ThreeSixtyGivingCsv,
    IatiXml,
}

/// <summary>The three open-data files: their names, media types and how each is written from the portfolio.</summary>
public static class OpenDataFiles
{
    public static readonly IReadOnlyList<OpenDataFormat> All = [OpenDataFormat.ThreeSixtyGivingJson, OpenDataFormat.ThreeSixtyGivingCsv, OpenDataFormat.IatiXml];

    public static string FileName(OpenDataFormat format) => format switch
    {
        OpenDataFormat.ThreeSixtyGivingJson => "360giving.json",
        OpenDataFormat.ThreeSixtyGivingCsv => "360giving.csv",
        _ => "iati.xml",
    };

    public static string ContentType(OpenDataFormat format) => format switch
    {
        OpenDataFormat.ThreeSixtyGivingJson => ThreeSixtyGivingJsonWriter.ContentType,
        OpenDataFormat.ThreeSixtyGivingCsv => ThreeSixtyGivingCsvWriter.ContentType,
        _ => IatiActivitiesWriter.ContentType,
    };

    public static OpenDataFormat? FromFileName(string fileName) => All.Cast<OpenDataFormat?>().FirstOrDefault(f => FileName(f!.Value) == fileName);

    /// <summary>
    /// Checks what must hold before the first byte is written (a secret to pseudonymise with, at least one grant: both
    /// standards require one), then returns the writer that streams the file. Returns how many grants it wrote.
    /// </summary>
    public static async Task<Func<Stream, CancellationToken, Task<int>>> PrepareAsync(
        OpenDataFormat format, OpenDataPortfolio portfolio, OpenDataExportContext context, CancellationToken cancellationToken)
    {
        portfolio.EnsureConfigured();
        var shape = await portfolio.ShapeAsync(cancellationToken);
        if (shape.Total == 0)
        {
            throw new BusinessRuleException("open-data-empty", "No grant has been awarded yet: 360Giving and IATI files hold at least one grant.");
        }

        return format switch
        {
            OpenDataFormat.ThreeSixtyGivingJson => (stream, ct) => ThreeSixtyGivingJsonWriter.WriteAsync(stream, portfolio.ReadAsync(context.Language, ct), context, ct),
            OpenDataFormat.ThreeSixtyGivingCsv => (stream, ct) => ThreeSixtyGivingCsvWriter.WriteAsync(stream, portfolio.ReadAsync(context.Language, ct), shape, context, ct),
            _ => (stream, ct) => IatiActivitiesWriter.WriteAsync(stream, portfolio.ReadAsync(context.Language, ct), context, ct),
        };
    }
}
