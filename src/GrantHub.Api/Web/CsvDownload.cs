using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web;

/// <summary>
/// A table as a CSV file that spreadsheet software opens correctly: UTF-8 with a byte-order mark (without it Excel reads
/// accented letters as Windows-1252), a header row, RFC 4180 quoting, CRLF line ends. A text cell that begins like a
/// formula (=, +, -, @) is prefixed with an apostrophe so that opening the file never runs what an applicant typed.
/// </summary>
public static class CsvDownload
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static FileContentResult File(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text, row);
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return new FileContentResult(bytes, ContentType) { FileDownloadName = fileName };
    }

    private static void Line(StringBuilder text, IEnumerable<object?> cells)
    {
        text.AppendJoin(',', cells.Select(Cell));
        text.Append("\r\n");
    }

    private static string Cell(object? value)
    {
        var cell = value switch
        {
            null => "",
            string s when s.Length > 0 && "=+-@".Contains(s[0]) => "'" + s,
            IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
