using GrantHub.Core.Applications;
using GrantHub.Core.Common;
using GrantHub.Core.Emergency;
using GrantHub.Core.Grants;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Security;

/// <summary>
/// Who sees what, one filter per aggregate, all in SQL so that lists and single look-ups agree. Overseeing staff
/// (admins, programme officers, finance officers) see every organisation, application, grant and emergency request.
/// Everyone else, reviewers included, sees their own organisations and what belongs to them; a reviewer also reads
/// the applications assigned to them. Whatever a user may not see is not found (404), never forbidden.
/// Each aggregate has its file (<c>Visibility.Applications.cs</c>...): its filter, its look-ups (visible, for a change
/// by its lead, for finance to handle its money) and what parts of it a viewer reads. Every rule asks the one
/// per-request <see cref="Viewer"/>.
/// </summary>
public static partial class Visibility
{
    /// <summary>The user's own organisations; all of them for overseeing staff.</summary>
    public static IQueryable<Organisation> VisibleTo(this IQueryable<Organisation> organisations, Viewer viewer)
    {
        if (viewer.SeesAllApplicantData())
        {
            return organisations;
        }

        var mine = viewer.OrganisationIdsQuery;
        return organisations.Where(o => mine.Contains(o.Id));
    }

    public static async Task<Organisation> FindVisibleAsync(this IQueryable<Organisation> organisations, Viewer viewer, Guid id, CancellationToken cancellationToken) =>
        await organisations.VisibleTo(viewer).FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
        ?? throw new NotFoundException(nameof(Organisation), id);
}
