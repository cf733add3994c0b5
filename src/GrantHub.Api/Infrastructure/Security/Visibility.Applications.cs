using GrantHub.Core.Applications;
using GrantHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Security;

public static partial class Visibility
{
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

    public static async Task<Application> FindVisibleAsync(this IQueryable<Application> applications, Viewer viewer, Guid id, CancellationToken cancellationToken) =>
        await applications.VisibleTo(viewer).FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new NotFoundException(nameof(Application), id);

    /// <summary>
    /// The application for a change by its lead: 404 if the user may not see it, 403 if they may see but not change it
    /// (only members of the lead organisation change an application; a partner's members answer its invitation).
    /// </summary>
    public static async Task<Application> FindForLeadAsync(this IQueryable<Application> applications, Viewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var application = await applications.FindVisibleAsync(viewer, id, cancellationToken);
        return await viewer.IsMemberOfAsync(application.LeadOrganisationId, cancellationToken)
            ? application
            : throw new ForbiddenException("Only members of the lead organisation can change this application.");
    }
}
