using PdfSharp.Drawing;

namespace GrantHub.Agreements.Layout;

/// <summary>Writes titles, headings and wrapped paragraphs line by line, so long text flows onto further pages.</summary>
internal sealed class FlowWriter(PageFlow flow, AgreementStyle style)
{
    private const double LabelColumnWidth = 150;
    private const double LabelGap = 8;
    private const double LabelledValueSpacing = 2;
    private const int LinesKeptWithHeading = 3;

    /// <summary>The height a heading takes in the middle of a page, space above it included.</summary>
    public double HeadingHeight => style.SectionSpacing + style.Heading.GetHeight() + style.ParagraphSpacing;

    public double ParagraphHeight(string text) =>
        Paragraphs(text).Sum(paragraph =>
            TextWrapper.Wrap(flow.Graphics, paragraph, style.Body, flow.Width).Count * style.Body.GetHeight() + style.ParagraphSpacing);

    public void Title(string text) => Lines(text, style.Title, style.Accent);

    /// <summary>Starts a new page rather than leave a heading without the first lines of its section.</summary>
    public void Heading(string text)
    {
        if (!flow.IsAtPageTop)
        {
            flow.Advance(style.SectionSpacing);
        }

        flow.EnsureSpace(style.Heading.GetHeight() + style.ParagraphSpacing + LinesKeptWithHeading * style.Body.GetHeight());
        Lines(text, style.Heading, style.Accent);
        flow.Advance(style.ParagraphSpacing);
    }

    /// <summary>Each line break in <paramref name="text"/> starts a new paragraph.</summary>
    public void Paragraph(string text)
    {
        foreach (var paragraph in Paragraphs(text))
        {
            Lines(paragraph, style.Body, style.Text);
            flow.Advance(style.ParagraphSpacing);
        }
    }

    /// <summary>A bold label with its value beside it, kept together on one page.</summary>
    public void LabelledValue(string label, string value)
    {
        var labelLines = TextWrapper.Wrap(flow.Graphics, label, style.BodyBold, LabelColumnWidth - LabelGap);
        var valueLines = TextWrapper.Wrap(flow.Graphics, value, style.Body, flow.Width - LabelColumnWidth);
        var height = Math.Max(labelLines.Count, valueLines.Count) * style.Body.GetHeight();
        flow.EnsureSpace(height);

        DrawLinesAtCursor(labelLines, style.BodyBold, flow.Left, LabelColumnWidth - LabelGap);
        DrawLinesAtCursor(valueLines, style.Body, flow.Left + LabelColumnWidth, flow.Width - LabelColumnWidth);
        flow.Advance(height + LabelledValueSpacing);
    }

    public void Space(double height) => flow.Advance(height);

    private void Lines(string text, XFont font, XBrush brush)
    {
        var lineHeight = font.GetHeight();
        var lines = TextWrapper.Wrap(flow.Graphics, text, font, flow.Width);
        for (var index = 0; index < lines.Count; index++)
        {
            // The first two and the last two lines stay together, so no line is left alone at the foot or head of a page.
            var linesKeptTogether = index == 0 || index == lines.Count - 2 ? Math.Min(2, lines.Count - index) : 1;
            flow.EnsureSpace(linesKeptTogether * lineHeight);
            flow.Graphics.DrawString(lines[index], font, brush, new XRect(flow.Left, flow.Y, flow.Width, lineHeight), XStringFormats.TopLeft);
            flow.Advance(lineHeight);
        }
    }

    private static IEnumerable<string> Paragraphs(string text) =>
        text.ReplaceLineEndings("\n").Split('\n').Where(paragraph => !string.IsNullOrWhiteSpace(paragraph));

    private void DrawLinesAtCursor(IReadOnlyList<string> lines, XFont font, double left, double width)
    {
        var lineHeight = font.GetHeight();
        for (var index = 0; index < lines.Count; index++)
        {
            var lineBox = new XRect(left, flow.Y + index * lineHeight, width, lineHeight);
            flow.Graphics.DrawString(lines[index], font, style.Text, lineBox, XStringFormats.TopLeft);
        }
    }
}
