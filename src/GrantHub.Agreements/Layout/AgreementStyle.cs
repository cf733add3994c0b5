using GrantHub.Agreements.Fonts;
using PdfSharp.Drawing;

namespace GrantHub.Agreements.Layout;

/// <summary>Fonts, colours and rules of the agreement. Fonts are created per render, never shared across threads.</summary>
internal sealed class AgreementStyle
{
    public XFont Title { get; } = Font(18, bold: true);
    public XFont Heading { get; } = Font(12, bold: true);
    public XFont Body { get; } = Font(10, bold: false);
    public XFont BodyBold { get; } = Font(10, bold: true);
    public XFont TableText { get; } = Font(9, bold: false);
    public XFont TableHeader { get; } = Font(9, bold: true);
    public XFont Footer { get; } = Font(8, bold: false);

    public XBrush Text { get; } = new XSolidBrush(XColor.FromArgb(33, 33, 33));
    public XBrush Accent { get; } = new XSolidBrush(XColor.FromArgb(91, 42, 134));
    public XBrush Muted { get; } = new XSolidBrush(XColor.FromArgb(105, 105, 105));
    public XBrush TableHeaderFill { get; } = new XSolidBrush(XColor.FromArgb(237, 231, 246));
    public XPen Rule { get; } = new(XColor.FromArgb(160, 160, 160), 0.5);

    public double ParagraphSpacing => 6;
    public double SectionSpacing => 14;

    private static XFont Font(double size, bool bold) =>
        new(AgreementFonts.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault);
}
