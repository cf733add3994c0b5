using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

/// <summary>
/// The whole grant aggregate read untracked for display, at most once per request and grant: the grant page sends the
/// grant, its tranches and its onward transfers as three queries, and each needs the same nine-query read. Queries only:
/// a command loads its grant tracked, and a page reads after its command has failed (which changed nothing) or
/// redirects after it succeeded.
/// </summary>
public sealed class GrantDetailsReader(GrantHubDbContext db, Viewer viewer)
{
    private readonly Dictionary<Guid, Grant> _read = [];

    /// <summary>The grant if the viewer may see it; <see cref="Visibility.FindVisibleAsync(IQueryable{Grant}, Viewer, Guid, CancellationToken)"/> otherwise.</summary>
    public async Task<Grant> FindVisibleAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!_read.TryGetValue(id, out var grant))
        {
            grant = await db.Grants.AsNoTracking().WithDetails().FindVisibleAsync(viewer, id, cancellationToken);
            _read[id] = grant;
        }

        return grant;
    }
}
