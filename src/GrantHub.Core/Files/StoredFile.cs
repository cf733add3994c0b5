using System.Security.Cryptography;
using System.Text;

namespace GrantHub.Core.Files;

/// <summary>
/// A file someone uploaded (a report, an attachment to an answer), described without its bytes so that lists never load
/// them: its SHA-256, size, the type its content shows (never the name's or the client's claim), the name it was
/// uploaded under (sanitised), who uploaded it and when. The bytes live in <see cref="StoredFileContent"/>, in the
/// database, so every instance of GrantHub serves the same file.
/// </summary>
public class StoredFile
{
    public const int MaxNameLength = 200;

    private StoredFile()
    {
    }

    private StoredFile(DetectedFileType type, string originalName, byte[] content, Guid uploadedBy, DateTimeOffset uploadedAt)
    {
        Id = Guid.NewGuid();
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        SizeBytes = content.LongLength;
        ContentType = type.ContentType;
        Kind = type.Kind;
        OriginalName = SanitiseName(originalName, type.Extension);
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }
    public string Sha256 { get; private set; } = "";
    public long SizeBytes { get; private set; }

    /// <summary>The media type the content was recognised as (<see cref="FileSignatures"/>).</summary>
    public string ContentType { get; private set; } = "";

    public StoredFileKind Kind { get; private set; }
    public string OriginalName { get; private set; } = "";
    public Guid UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>
    /// Keeps a file whose content is one of the accepted types; anything else is refused (409 <c>file-type-not-accepted</c>)
    /// whatever its name says. The caller adds both returned entities to the same unit of work.
    /// </summary>
    public static (StoredFile File, StoredFileContent Content) Store(string originalName, byte[] content, Guid uploadedBy, DateTimeOffset now)
    {
        var type = FileSignatures.Detect(content) ?? throw new FileTypeNotAcceptedException();
        var file = new StoredFile(type, originalName, content, uploadedBy, now);
        return (file, new StoredFileContent(file.Id, content));
    }

    /// <summary>
    /// The name as a download may offer it: the last path segment, control and reserved characters replaced, shortened,
    /// and ending with the extension of the type the content really is (so <c>report.exe</c> holding a PDF downloads as
    /// <c>report.exe.pdf</c> and never runs as a program).
    /// </summary>
    public static string SanitiseName(string name, string extension)
    {
        var lastSegment = name.Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var builder = new StringBuilder(lastSegment.Length);
        foreach (var character in lastSegment.Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsControl(character) || "<>:\"|?*;".Contains(character) ? '_' : character);
        }

        var cleaned = builder.ToString().Trim().Trim('.');
        if (cleaned.Length == 0)
        {
            cleaned = "file";
        }

        if (!cleaned.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
        {
            cleaned += extension;
        }

        return cleaned.Length <= MaxNameLength ? cleaned : cleaned[..(MaxNameLength - extension.Length)] + extension;
    }
}

/// <summary>The bytes of a <see cref="StoredFile"/>, encrypted at rest like every report text.</summary>
public class StoredFileContent
{
    private StoredFileContent()
    {
    }

    internal StoredFileContent(Guid fileId, byte[] content)
    {
        FileId = fileId;
        Content = content;
    }

    public Guid FileId { get; private set; }
    public byte[] Content { get; private set; } = [];
}

/// <summary>The content of an upload is none of the accepted types (HTTP 409 <c>file-type-not-accepted</c>).</summary>
public sealed class FileTypeNotAcceptedException()
    : Common.BusinessRuleException(
        "file-type-not-accepted",
        "This file is not a PDF, a Word document, an audio or a video file, whatever its name says. Save it as one of those and upload it again.");
