using PdfSharp.Fonts;

namespace GrantHub.Agreements.Fonts;

/// <summary>
/// Serves the embedded DejaVu Sans faces for every family name: Linux hosts have no font
/// PDFsharp can find on its own, and DejaVu covers accented Latin, Greek and Cyrillic names.
/// </summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly Lazy<byte[]> RegularBytes = new(() => LoadEmbeddedFont(RegularFace));
    private static readonly Lazy<byte[]> BoldBytes = new(() => LoadEmbeddedFont(BoldFace));

    public static DejaVuFontResolver Instance { get; } = new();

    private DejaVuFontResolver()
    {
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => RegularBytes.Value,
        BoldFace => BoldBytes.Value,
        _ => null,
    };

    private static byte[] LoadEmbeddedFont(string faceName)
    {
        var resourceName = $"GrantHub.Agreements.Fonts.{faceName}.ttf";
        using var stream = typeof(DejaVuFontResolver).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded font resource '{resourceName}' is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
