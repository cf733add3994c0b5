using System.Text;
using System.Xml.Linq;

namespace GrantHub.Tests.OpenData;

/// <summary>Reading the exported files back in tests.</summary>
public static class ExportedFiles
{
    public static readonly XNamespace Xml = XNamespace.Xml;

    /// <summary>RFC 4180: quoted cells may hold commas, doubled quotes and line breaks.</summary>
    public static List<List<string>> ParseCsv(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        Assert.True(row.Count == 0 && cell.Length == 0, "The CSV ends with a line break.");
        return rows;
    }

    public static IReadOnlyList<Dictionary<string, string>> CsvRecords(byte[] bytes)
    {
        var rows = ParseCsv(bytes);
        var header = rows[0];
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        return [.. rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }

    public static XDocument Iati(byte[] bytes) => XDocument.Load(new MemoryStream(bytes));
}
