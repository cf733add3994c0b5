using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace GrantHub.Agreements.Tests;

/// <summary>An agreement rendered to PDF and read back as text.</summary>
internal sealed class RenderedAgreement
{
    private RenderedAgreement(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        Pages = pdf.GetPages().Select(page => CollapseWhitespace(ContentOrderTextExtractor.GetText(page))).ToList();
        CreationDate = pdf.Information.CreationDate;
    }

    /// <summary>The text of each page in drawing order (a table cell by cell), with every run of whitespace made a single space.</summary>
    public IReadOnlyList<string> Pages { get; }

    public string Text => string.Join(" ", Pages);

    public string? CreationDate { get; }

    public static RenderedAgreement Of(AgreementDocument agreement) => new(new AgreementPdfRenderer().Render(agreement));

    private static string CollapseWhitespace(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
