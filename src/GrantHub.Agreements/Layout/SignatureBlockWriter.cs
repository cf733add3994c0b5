using PdfSharp.Drawing;

namespace GrantHub.Agreements.Layout;

/// <summary>
/// Signature blocks side by side, two to a row, each with lines for signature, name, title and date. A row is never
/// split across pages; a consortium with many partners fills as many rows, and pages, as it needs.
/// </summary>
internal sealed class SignatureBlockWriter(PageFlow flow, AgreementStyle style)
{
    private const int BlocksPerRow = 2;
    private const double Gutter = 24;
    private const double RowSpacing = 18;
    private const double FieldSpacing = 24;
    private const double FieldLabelWidth = 52;
    private static readonly string[] Fields = ["Signature", "Name", "Title", "Date"];

    /// <summary>The height of the first row, to keep it on the page of whatever introduces the blocks.</summary>
    public double FirstRowHeight(IReadOnlyList<SignatureBlock> blocks) => Height(Wrap([.. blocks.Take(BlocksPerRow)]));

    public void Write(IReadOnlyList<SignatureBlock> blocks)
    {
        foreach (var row in blocks.Chunk(BlocksPerRow))
        {
            WriteRow(row);
            flow.Advance(RowSpacing);
        }
    }

    private void WriteRow(IReadOnlyList<SignatureBlock> blocks)
    {
        var wrapped = Wrap(blocks);
        var height = Height(wrapped);
        flow.EnsureSpace(height);

        var blockWidth = BlockWidth();
        var fieldsTop = flow.Y + TextHeight(wrapped);
        for (var index = 0; index < wrapped.Count; index++)
        {
            var left = flow.Left + index * (blockWidth + Gutter);
            var y = DrawLines(wrapped[index].Caption, style.BodyBold, left, flow.Y, blockWidth);
            DrawLines(wrapped[index].Signatory, style.Body, left, y, blockWidth);
            DrawFields(left, fieldsTop, blockWidth);
        }

        flow.Advance(height);
    }

    private List<WrappedBlock> Wrap(IReadOnlyList<SignatureBlock> blocks)
    {
        var blockWidth = BlockWidth();
        return blocks
            .Select(block => new WrappedBlock(
                TextWrapper.Wrap(flow.Graphics, block.Caption, style.BodyBold, blockWidth),
                TextWrapper.Wrap(flow.Graphics, block.Signatory, style.Body, blockWidth)))
            .ToList();
    }

    private double Height(List<WrappedBlock> wrapped) =>
        TextHeight(wrapped) + Fields.Length * FieldSpacing + style.Body.GetHeight();

    private double TextHeight(List<WrappedBlock> wrapped) =>
        wrapped.Max(block => block.Caption.Count * style.BodyBold.GetHeight() + block.Signatory.Count * style.Body.GetHeight());

    private double BlockWidth() => (flow.Width - Gutter * (BlocksPerRow - 1)) / BlocksPerRow;

    private double DrawLines(IReadOnlyList<string> lines, XFont font, double left, double top, double width)
    {
        var lineHeight = font.GetHeight();
        foreach (var line in lines)
        {
            flow.Graphics.DrawString(line, font, style.Text, new XRect(left, top, width, lineHeight), XStringFormats.TopLeft);
            top += lineHeight;
        }

        return top;
    }

    private void DrawFields(double left, double top, double width)
    {
        var lineHeight = style.TableText.GetHeight();
        foreach (var field in Fields)
        {
            top += FieldSpacing;
            flow.Graphics.DrawString(field, style.TableText, style.Muted, new XRect(left, top - lineHeight, FieldLabelWidth, lineHeight), XStringFormats.TopLeft);
            flow.Graphics.DrawLine(style.Rule, left + FieldLabelWidth, top, left + width, top);
        }
    }

    private sealed record WrappedBlock(IReadOnlyList<string> Caption, IReadOnlyList<string> Signatory);
}
