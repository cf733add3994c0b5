using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;

namespace GrantHub.Agreements.Output;

/// <summary>
/// Replaces the random identifiers PDFsharp writes (trailer ID, XMP document and instance IDs, font
/// subset tags) with ones derived from a seed, so that the same agreement renders to the same bytes
/// and hence the same SHA-256. Replacements have the original length, keeping the xref offsets valid.
/// </summary>
internal static partial class StablePdfIdentifiers
{
    public static void SetDocumentId(PdfDocument document, string seed)
    {
        // PDFsharp takes the 16 raw bytes of the ID as a string of 16 chars in the 0-255 range.
        var id = Encoding.Latin1.GetString(Hash(seed), 0, 16);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
    }

    public static byte[] ReplaceRandomIdentifiers(byte[] pdf, string seed)
    {
        var text = Encoding.Latin1.GetString(pdf);

        var stableTags = new Dictionary<string, string>();
        foreach (Match match in SubsetTagPattern().Matches(text))
        {
            var tag = match.Groups["tag"];
            if (!stableTags.TryGetValue(tag.Value, out var stableTag))
            {
                stableTag = SubsetTag(Hash($"{seed}/font/{stableTags.Count}"));
                stableTags.Add(tag.Value, stableTag);
            }

            Overwrite(pdf, tag.Index, stableTag);
        }

        foreach (Match match in XmpIdentifierPattern().Matches(text))
        {
            var stableUuid = new Guid(Hash($"{seed}/{match.Groups["kind"].Value}").AsSpan(0, 16)).ToString();
            Overwrite(pdf, match.Groups["uuid"].Index, stableUuid);
        }

        return pdf;
    }

    private static string SubsetTag(byte[] hash) =>
        string.Concat(hash.Take(6).Select(b => (char)('A' + b % 26)));

    private static void Overwrite(byte[] pdf, int index, string replacement) =>
        Encoding.Latin1.GetBytes(replacement, 0, replacement.Length, pdf, index);

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    [GeneratedRegex(@"/(?:FontName|BaseFont)/(?<tag>[A-Z]{6})\+")]
    private static partial Regex SubsetTagPattern();

    [GeneratedRegex(@"<xmpMM:(?<kind>DocumentID|InstanceID)>uuid:(?<uuid>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})<")]
    private static partial Regex XmpIdentifierPattern();
}
