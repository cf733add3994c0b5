using System.IO.Compression;
using System.Text;

namespace GrantHub.Core.Files;

public enum StoredFileKind
{
    Pdf,
    Word,
    Audio,
    Video,
}

/// <summary>What a file's content shows it to be.</summary>
public sealed record DetectedFileType(StoredFileKind Kind, string ContentType, string Extension);

/// <summary>
/// Recognises the accepted file types by their content alone (magic bytes, and for .docx the entries of the ZIP):
/// PDF, Word (.docx and legacy .doc), audio (MP3, M4A, OGG, WAV) and video (MP4, MOV, WebM/Matroska). Names and the
/// client's Content-Type are never consulted. No maintained NuGet package was served for this (only a 2016 beta of
/// Mime-Detective), so these few signatures are checked here, each with a test.
/// </summary>
public static class FileSignatures
{
    public static readonly DetectedFileType Pdf = new(StoredFileKind.Pdf, "application/pdf", ".pdf");
    public static readonly DetectedFileType Docx = new(StoredFileKind.Word, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly DetectedFileType Doc = new(StoredFileKind.Word, "application/msword", ".doc");
    public static readonly DetectedFileType Mp3 = new(StoredFileKind.Audio, "audio/mpeg", ".mp3");
    public static readonly DetectedFileType M4a = new(StoredFileKind.Audio, "audio/mp4", ".m4a");
    public static readonly DetectedFileType Ogg = new(StoredFileKind.Audio, "audio/ogg", ".ogg");
    public static readonly DetectedFileType Wav = new(StoredFileKind.Audio, "audio/wav", ".wav");
    public static readonly DetectedFileType Mp4 = new(StoredFileKind.Video, "video/mp4", ".mp4");
    public static readonly DetectedFileType Mov = new(StoredFileKind.Video, "video/quicktime", ".mov");
    public static readonly DetectedFileType WebM = new(StoredFileKind.Video, "video/webm", ".webm");

    private static readonly byte[] OleCompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Ebml = [0x1A, 0x45, 0xDF, 0xA3];
    private static readonly byte[] ZipLocalHeader = [0x50, 0x4B, 0x03, 0x04];

    // ISO base media brands: audio-only brands of iTunes/AAC, QuickTime, and the rest read as MP4 video.
    private static readonly string[] AudioBrands = ["M4A ", "M4B ", "M4P "];
    private static readonly string[] QuickTimeBrands = ["qt  "];

    public static DetectedFileType? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (content.StartsWith(OleCompoundFile))
        {
            // An OLE compound file is also what .xls, .ppt and .msi are; a Word 97-2003 document has a "WordDocument"
            // stream, whose name (UTF-16) is in the directory.
            return ContainsUtf16(content, "WordDocument") ? Doc : null;
        }

        if (content.StartsWith(ZipLocalHeader))
        {
            return IsWordprocessingPackage(content) ? Docx : null;
        }

        if (content.Length >= 12 && content[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(content[8..12]);
            return AudioBrands.Contains(brand) ? M4a : QuickTimeBrands.Contains(brand) ? Mov : Mp4;
        }

        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WAVE"u8))
        {
            return Wav;
        }

        if (content.StartsWith("OggS"u8))
        {
            return Ogg;
        }

        if (content.StartsWith(Ebml))
        {
            return WebM;
        }

        if (content.StartsWith("ID3"u8) || IsMpegAudioFrame(content))
        {
            return Mp3;
        }

        return null;
    }

    /// <summary>An MPEG-1/2 audio frame header: 11 sync bits, a valid version and layer III, a valid bit rate and sample rate.</summary>
    private static bool IsMpegAudioFrame(ReadOnlySpan<byte> content)
    {
        if (content.Length < 4 || content[0] != 0xFF || (content[1] & 0xE0) != 0xE0)
        {
            return false;
        }

        var version = (content[1] >> 3) & 0b11;
        var layer = (content[1] >> 1) & 0b11;
        var bitRate = content[2] >> 4;
        var sampleRate = (content[2] >> 2) & 0b11;
        return version != 0b01 && layer == 0b01 && bitRate is not (0 or 0b1111) && sampleRate != 0b11;
    }

    private static bool ContainsUtf16(ReadOnlySpan<byte> content, string text) =>
        content.IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

    private static bool IsWordprocessingPackage(ReadOnlySpan<byte> content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            return archive.Entries.Any(e => e.FullName == "word/document.xml")
                && archive.Entries.Any(e => e.FullName == "[Content_Types].xml");
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
