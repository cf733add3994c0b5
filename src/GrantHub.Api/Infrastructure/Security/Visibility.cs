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
/// </summary>
public static class Visibility
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

    /// <summary>
    /// Members of the lead and of every partner that has not declined (a declined or removed partner loses sight of
    /// the lead's proposal), the reviewers reading it, and overseeing staff.
    /// </summary>
    public static IQueryable<Application> VisibleTo(this IQueryable<Application> applications, Viewer viewer)
    {
        if (viewer.SeesAllApplicantData())
        {
            return applications;
        }

        var mine = viewer.OrganisationIdsQuery;
        var underMyReview = viewer.ReadingAssignments.Select(r => r.ApplicationId);
        return applications.Where(a =>
            underMyReview.Contains(a.Id)
            || a.Members.Any(m => m.Status != ConsortiumMemberStatus.Declined && mine.Contains(m.OrganisationId)));
    }

    /// <summary>The grants of the user's organisations, as lead or as allocation holder.</summary>
    public static IQueryable<Grant> VisibleTo(this IQueryable<Grant> grants, Viewer viewer)
    {
        if (viewer.SeesAllApplicantData())
        {
            return grants;
        }

        var mine = viewer.OrganisationIdsQuery;
        return grants.Where(g => mine.Contains(g.LeadOrganisationId) || g.Allocations.Any(a => mine.Contains(a.OrganisationId)));
    }

    /// <summary>Emergency requests are confidential: the requesting organisation's members and overseeing staff.</summary>
    public static IQueryable<EmergencyRequest> VisibleTo(this IQueryable<EmergencyRequest> requests, Viewer viewer)
    {
        if (viewer.SeesAllApplicantData())
        {
            return requests;
        }

        var mine = viewer.OrganisationIdsQuery;
        return requests.Where(r => mine.Contains(r.OrganisationId));
    }

    public static async Task<Organisation> FindVisibleAsync(this IQueryable<Organisation> organisations, Viewer viewer, Guid id, CancellationToken cancellationToken) =>
        await organisations.VisibleTo(viewer).FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
        ?? throw new NotFoundException(nameof(Organisation), id);

    public static async Task<Application> FindVisibleAsync(this IQueryable<Application> applications, Viewer viewer, Guid id, CancellationToken cancellationToken) =>
        await applications.VisibleTo(viewer).FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new NotFoundException(nameof(Application), id);

    public static async Task<Grant> FindVisibleAsync(this IQueryable<Grant> grants, Viewer viewer, Guid id, CancellationToken cancellationToken) =>
        await grants.VisibleTo(viewer).FirstOrDefaultAsync(g => g.Id == id, cancellationToken)
        ?? throw new NotFoundException(nameof(Grant), id);

    public static async Task<EmergencyRequest> FindVisibleAsync(this IQueryable<EmergencyRequest> requests, Viewer viewer, Guid id, CancellationToken cancellationToken) =>
        await requests.VisibleTo(viewer).FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
        ?? throw new NotFoundException("Emergency request", id);
}
