using GrantHub.Core.Files;

namespace GrantHub.Tests.Files;

public class FileSignaturesTests
{
    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "PDF", SampleFiles.Pdf(), "application/pdf" },
        { "Word .docx", SampleFiles.Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "Word 97-2003 .doc", SampleFiles.Doc(), "application/msword" },
        { "MP3 with ID3 tag", SampleFiles.Mp3WithId3(), "audio/mpeg" },
        { "MP3 frame", SampleFiles.Mp3Frame(), "audio/mpeg" },
        { "M4A", SampleFiles.IsoMedia("M4A "), "audio/mp4" },
        { "MP4", SampleFiles.IsoMedia("isom"), "video/mp4" },
        { "MOV", SampleFiles.IsoMedia("qt  "), "video/quicktime" },
        { "OGG", SampleFiles.Ogg(), "audio/ogg" },
        { "WAV", SampleFiles.Wav(), "audio/wav" },
        { "WebM", SampleFiles.WebM(), "video/webm" },
    };

    public static TheoryData<string, byte[]> Refused => new()
    {
        { "Windows program", SampleFiles.Exe() },
        { "HTML page", SampleFiles.Html() },
        { "spreadsheet (a ZIP without a Word document)", SampleFiles.Xlsx() },
        { "OLE file without a WordDocument stream", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[600]] },
        { "RIFF that is not WAVE (AVI)", [.. "RIFF"u8, 0, 0, 0, 0, .. "AVI "u8] },
        { "frame sync of another layer", [0xFF, 0xFF, 0x90, 0x64] },
        { "PDF signature not at the start", [.. " %PDF-1.7"u8] },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepted_types_are_recognised_by_their_content(string what, byte[] content, string contentType)
    {
        Assert.True(FileSignatures.Detect(content) is { } detected && detected.ContentType == contentType, what);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Anything_else_is_not_recognised(string what, byte[] content)
    {
        Assert.True(FileSignatures.Detect(content) is null, what);
    }

    [Theory]
    [InlineData("report.pdf", ".pdf", "report.pdf")]
    [InlineData("report.exe", ".pdf", "report.exe.pdf")]
    [InlineData("C:\\Users\\amina\\year one.PDF", ".pdf", "year one.PDF")]
    [InlineData("../../etc/passwd", ".pdf", "passwd.pdf")]
    [InlineData("a\"b;c\r\n.pdf", ".pdf", "a_b_c__.pdf")]
    [InlineData("...", ".docx", "file.docx")]
    public void A_name_is_kept_as_a_harmless_name_with_the_real_extension(string uploaded, string extension, string kept)
    {
        Assert.Equal(kept, StoredFile.SanitiseName(uploaded, extension));
    }
}
