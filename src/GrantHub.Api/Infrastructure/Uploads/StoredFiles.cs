using GrantHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Uploads;

public static class StoredFiles
{
    /// <summary>
    /// Deletes a file nothing refers to any more (a report's earlier submission, replaced by a new one) with its bytes:
    /// they may describe people at risk and are kept no longer than they serve. Call it after saving the change that
    /// let go of the file, inside the command's transaction.
    /// </summary>
    public static async Task DeleteStoredFileAsync(this GrantHubDbContext db, Guid fileId, CancellationToken cancellationToken)
    {
        await db.StoredFileContents.Where(c => c.FileId == fileId).ExecuteDeleteAsync(cancellationToken);
        await db.StoredFiles.Where(f => f.Id == fileId).ExecuteDeleteAsync(cancellationToken);
    }
}
