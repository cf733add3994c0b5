using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Organisations;

/// <summary>
/// Who may see applicants' data. Admins, programme officers and finance officers oversee every organisation
/// and application. Reviewers are staff too, but they see only what is assigned to them (the reviews feature
/// grants that), never the whole register of at-risk organisations. Applicants see their own organisations.
/// </summary>
public static class OrganisationAccess
{
    public static IQueryable<Organisation> VisibleTo(this IQueryable<Organisation> organisations, ICurrentUser user)
    {
        if (user.SeesAllApplicantData())
        {
            return organisations;
        }

        var userId = user.Id ?? Guid.Empty;
        return organisations.Where(o => o.Members.Any(m => m.UserId == userId));
    }

    /// <summary>The organisation with its members, if the user may see it; otherwise 404.</summary>
    public static async Task<Organisation> LoadVisibleAsync(this GrantHubDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken) =>
        await db.Organisations.Include(o => o.Members).VisibleTo(user).FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
        ?? throw new NotFoundException(nameof(Organisation), id);

    /// <summary>The organisations the user acts for (as owner or member).</summary>
    public static async Task<HashSet<Guid>> OrganisationsOfAsync(this GrantHubDbContext db, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (user.Id is not { } userId)
        {
            return [];
        }

        var ids = await db.OrganisationMembers.Where(m => m.UserId == userId).Select(m => m.OrganisationId).ToListAsync(cancellationToken);
        return [.. ids];
    }
}
