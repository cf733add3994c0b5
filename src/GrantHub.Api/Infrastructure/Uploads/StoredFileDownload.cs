using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Files;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Uploads;

/// <summary>A stored file's bytes with what a download needs; the caller has already checked that the reader may see its owner.</summary>
public sealed record StoredFileDownload(string Name, string ContentType, string Sha256, byte[] Content)
{
    public static async Task<StoredFileDownload> ReadAsync(GrantHubDbContext db, Guid fileId, CancellationToken cancellationToken)
    {
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken)
            ?? throw new NotFoundException("File", fileId);
        var content = await db.StoredFileContents.AsNoTracking().Where(c => c.FileId == fileId).Select(c => c.Content).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("File", fileId);
        return new StoredFileDownload(file.OriginalName, file.ContentType, file.Sha256, content);
    }

    /// <summary>
    /// Never shown inline: an attachment the browser saves, with its type fixed (nosniff), so that a file can never run as
    /// a page of GrantHub, whatever it holds.
    /// </summary>
    public IResult ToResult(HttpContext context)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(Content, ContentType, Name);
    }
}

/// <summary>A stored file as a response lists it, without its bytes.</summary>
public sealed record StoredFileResponse(Guid Id, string Name, string ContentType, StoredFileKind Kind, long SizeBytes, string Sha256, DateTimeOffset UploadedAt)
{
    public static StoredFileResponse From(StoredFile file) =>
        new(file.Id, file.OriginalName, file.ContentType, file.Kind, file.SizeBytes, file.Sha256, file.UploadedAt);
}
