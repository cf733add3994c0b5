using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace GrantHub.Tests.Files;

/// <summary>Small files of each type, made byte by byte, and the multipart forms that upload them.</summary>
public static class SampleFiles
{
    public static byte[] Pdf(int padding = 0) =>
        [.. "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"u8, .. new byte[padding], .. "%%EOF\n"u8];

    public static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    /// <summary>A spreadsheet is a ZIP too, but not a Word document.</summary>
    public static byte[] Xlsx() => Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));

    public static byte[] Doc() =>
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes("Root Entry"), .. Encoding.Unicode.GetBytes("WordDocument")];

    public static byte[] Mp3WithId3() => [.. "ID3"u8, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];

    /// <summary>An MPEG-1 layer III frame header at 128 kbit/s and 44.1 kHz, without ID3 tag.</summary>
    public static byte[] Mp3Frame() => [0xFF, 0xFB, 0x90, 0x64, 0x00, 0x00];

    public static byte[] IsoMedia(string brand) => [0x00, 0x00, 0x00, 0x18, .. "ftyp"u8, .. Encoding.ASCII.GetBytes(brand), 0x00, 0x00, 0x00, 0x00];

    public static byte[] Ogg() => [.. "OggS"u8, 0x00, 0x02];

    public static byte[] Wav() => [.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WAVE"u8, .. "fmt "u8];

    public static byte[] WebM() => [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01];

    /// <summary>A Windows program: "MZ", then the DOS stub.</summary>
    public static byte[] Exe() => [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. "This program cannot be run in DOS mode."u8];

    public static byte[] Html() => "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();

    /// <summary>A multipart form with the file under <paramref name="field"/>, sent with whatever type the client claims.</summary>
    public static MultipartFormDataContent Form(string field, byte[] content, string name, string claimedType = "application/pdf", params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(file, field, name);
        foreach (var (fieldName, value) in fields)
        {
            form.Add(new StringContent(value), fieldName);
        }

        return form;
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }
}
