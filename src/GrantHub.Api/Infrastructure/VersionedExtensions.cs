using GrantHub.Core.Common;
using GrantHub.Core.Data;

namespace GrantHub.Api.Infrastructure;

public static class VersionedExtensions
{
    /// <summary>
    /// Makes this unit of work bump the aggregate's version even if none of its own columns changed (only its
    /// children did, or a rule read it), so a concurrent unit of work on the same aggregate conflicts and is retried.
    /// </summary>
    public static void MarkChanged(this GrantHubDbContext db, IVersioned aggregate) =>
        db.Entry(aggregate).Property(nameof(IVersioned.Version)).IsModified = true;
}
