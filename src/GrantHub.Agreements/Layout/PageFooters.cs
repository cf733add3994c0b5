using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GrantHub.Agreements.Layout;

/// <summary>Drawn once every page exists, because "Page X of Y" needs the final page count.</summary>
internal static class PageFooters
{
    public static void Draw(PdfDocument document, PageGeometry geometry, AgreementStyle style, string caption)
    {
        var pageCount = document.PageCount;
        var ruleY = geometry.ContentBottom + 18;
        var textBox = new XRect(geometry.ContentLeft, ruleY + 4, geometry.ContentWidth, style.Footer.GetHeight());
        for (var index = 0; index < pageCount; index++)
        {
            using var graphics = XGraphics.FromPdfPage(document.Pages[index], XGraphicsPdfPageOptions.Append);
            graphics.DrawLine(style.Rule, geometry.ContentLeft, ruleY, geometry.ContentLeft + geometry.ContentWidth, ruleY);
            graphics.DrawString(caption, style.Footer, style.Muted, textBox, XStringFormats.TopLeft);
            graphics.DrawString($"Page {index + 1} of {pageCount}", style.Footer, style.Muted, textBox, XStringFormats.TopRight);
        }
    }
}
