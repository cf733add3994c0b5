using PdfSharp.Drawing;

namespace GrantHub.Agreements.Layout;

/// <summary>
/// Draws a ruled table whose cells wrap. A row that does not fit moves to the next page, under a
/// repeated header; only a row taller than a whole page is split between pages.
/// </summary>
internal sealed class TableWriter(PageFlow flow, AgreementStyle style)
{
    private const double PaddingX = 4;
    private const double PaddingY = 3;

    public void Write(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var widths = ColumnWidths(columns);
        var table = new Table(columns, widths, Wrap(columns.Select(c => c.Header).ToList(), widths, style.TableHeader));
        var lineHeight = style.TableText.GetHeight();
        flow.EnsureSpace(HeaderHeight(table) + lineHeight + 2 * PaddingY);
        DrawHeader(table);

        foreach (var row in rows)
        {
            WriteRow(table, Wrap(row, table.Widths, style.TableText));
        }

        flow.Advance(style.ParagraphSpacing);
    }

    private void WriteRow(Table table, IReadOnlyList<IReadOnlyList<string>> cells)
    {
        var lineHeight = style.TableText.GetHeight();
        var linesOnFreshPage = LinesThatFit(flow.Geometry.ContentHeight - HeaderHeight(table), lineHeight);
        var totalLines = cells.Max(cell => cell.Count);
        var drawnLines = 0;
        while (drawnLines < totalLines)
        {
            var remainingLines = totalLines - drawnLines;
            var fittingLines = LinesThatFit(flow.RemainingHeight, lineHeight);
            var breakPage = fittingLines < remainingLines && (remainingLines <= linesOnFreshPage || fittingLines < 1);
            if (breakPage)
            {
                flow.StartNewPage();
                DrawHeader(table);
                continue;
            }

            var lineCount = Math.Min(fittingLines, remainingLines);
            DrawBand(table, cells, drawnLines, lineCount, style.TableText, fill: null);
            drawnLines += lineCount;
        }
    }

    private void DrawHeader(Table table) =>
        DrawBand(table, table.Header, 0, table.Header.Max(cell => cell.Count), style.TableHeader, style.TableHeaderFill);

    /// <summary>Draws lines [firstLine, firstLine + lineCount) of every cell, cell by cell so text extracts row-wise.</summary>
    private void DrawBand(Table table, IReadOnlyList<IReadOnlyList<string>> cells, int firstLine, int lineCount, XFont font, XBrush? fill)
    {
        var lineHeight = font.GetHeight();
        var height = lineCount * lineHeight + 2 * PaddingY;
        var left = flow.Left;
        for (var column = 0; column < table.Columns.Count; column++)
        {
            var width = table.Widths[column];
            var cellBox = new XRect(left, flow.Y, width, height);
            if (fill is null)
            {
                flow.Graphics.DrawRectangle(style.Rule, cellBox);
            }
            else
            {
                flow.Graphics.DrawRectangle(style.Rule, fill, cellBox);
            }

            var format = table.Columns[column].AlignRight ? XStringFormats.TopRight : XStringFormats.TopLeft;
            var lines = cells[column];
            for (var line = firstLine; line < Math.Min(lines.Count, firstLine + lineCount); line++)
            {
                var lineBox = new XRect(left + PaddingX, flow.Y + PaddingY + (line - firstLine) * lineHeight, width - 2 * PaddingX, lineHeight);
                flow.Graphics.DrawString(lines[line], font, style.Text, lineBox, format);
            }

            left += width;
        }

        flow.Advance(height);
    }

    private IReadOnlyList<double> ColumnWidths(IReadOnlyList<TableColumn> columns)
    {
        var totalWeight = columns.Sum(c => c.RelativeWidth);
        return columns.Select(c => flow.Width * c.RelativeWidth / totalWeight).ToList();
    }

    private IReadOnlyList<IReadOnlyList<string>> Wrap(IReadOnlyList<string> cells, IReadOnlyList<double> widths, XFont font) =>
        cells.Select((text, column) => TextWrapper.Wrap(flow.Graphics, text, font, widths[column] - 2 * PaddingX)).ToList();

    private double HeaderHeight(Table table) =>
        table.Header.Max(cell => cell.Count) * style.TableHeader.GetHeight() + 2 * PaddingY;

    private static int LinesThatFit(double height, double lineHeight) =>
        (int)Math.Floor((height - 2 * PaddingY) / lineHeight);

    private sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<double> Widths, IReadOnlyList<IReadOnlyList<string>> Header);
}
