using System.Globalization;
using System.Text;
using PdfSharp.Drawing;

namespace GrantHub.Agreements.Layout;

/// <summary>Breaks text into lines no wider than a given width, measuring with the font actually drawn.</summary>
internal static class TextWrapper
{
    private static readonly char[] WordSeparators = [' ', '\t'];

    /// <summary>Line breaks in <paramref name="text"/> are kept; a word wider than the line is split between characters.</summary>
    public static IReadOnlyList<string> Wrap(XGraphics graphics, string text, XFont font, double maxWidth)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            WrapParagraph(graphics, paragraph, font, maxWidth, lines);
        }

        return lines;
    }

    private static void WrapParagraph(XGraphics graphics, string paragraph, XFont font, double maxWidth, List<string> lines)
    {
        var words = paragraph.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            lines.Add(string.Empty);
            return;
        }

        var current = string.Empty;
        foreach (var word in words)
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (Fits(graphics, candidate, font, maxWidth))
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = Fits(graphics, word, font, maxWidth) ? word : SplitOverlongWord(graphics, word, font, maxWidth, lines);
        }

        lines.Add(current);
    }

    /// <summary>Adds all full-width pieces of <paramref name="word"/> to <paramref name="lines"/> and returns the remainder.</summary>
    private static string SplitOverlongWord(XGraphics graphics, string word, XFont font, double maxWidth, List<string> lines)
    {
        var piece = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (piece.Length > 0 && !Fits(graphics, piece + element, font, maxWidth))
            {
                lines.Add(piece.ToString());
                piece.Clear();
            }

            piece.Append(element);
        }

        return piece.ToString();
    }

    private static bool Fits(XGraphics graphics, string text, XFont font, double maxWidth) =>
        graphics.MeasureString(text, font).Width <= maxWidth;
}
