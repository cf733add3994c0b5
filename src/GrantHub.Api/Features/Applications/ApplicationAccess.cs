using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Features.Reviews;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Applications;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

/// <summary>
/// Who may see and change an application. Readers: members of the lead and of every partner that has not
/// declined (a declined or removed partner loses sight of the lead's proposal), overseeing staff, and the
/// reviewers assigned to it who have not recused themselves.
/// Only members of the lead organisation change it; a partner's own members answer its invitation.
/// Everyone else gets 404, whatever the route.
/// </summary>
public sealed class ApplicationAccess(bool seesAll, IReadOnlySet<Guid> myOrganisations, IReadOnlySet<Guid> underMyReview)
{
    public static async Task<ApplicationAccess> ForAsync(GrantHubDbContext db, ICurrentUser user, CancellationToken cancellationToken) =>
        new(
            user.SeesAllApplicantData(),
            await db.OrganisationsOfAsync(user, cancellationToken),
            await db.ApplicationsUnderReviewByAsync(user, cancellationToken));

    public bool CanRead(Application application) =>
        seesAll
        || underMyReview.Contains(application.Id)
        || application.Members.Any(m => m.Status != ConsortiumMemberStatus.Declined && myOrganisations.Contains(m.OrganisationId));

    public bool ActsForLead(Application application) => myOrganisations.Contains(application.LeadOrganisationId);

    public bool ActsFor(Guid organisationId) => myOrganisations.Contains(organisationId);

    /// <summary>The application for a change by its lead: 404 if the user may not see it, 403 if they may see but not change it.</summary>
    public static async Task<Application> LoadForLeadAsync(GrantHubDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var access = await ForAsync(db, user, cancellationToken);
        var application = await access.LoadReadableAsync(db, id, cancellationToken);
        return access.ActsForLead(application)
            ? application
            : throw new ForbiddenException("Only members of the lead organisation can change this application.");
    }

    public async Task<Application> LoadReadableAsync(GrantHubDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return application is not null && CanRead(application) ? application : throw new NotFoundException(nameof(Application), id);
    }
}

public static class ApplicationQueries
{
    /// <summary>The same rule as <see cref="ApplicationAccess.CanRead"/>, in SQL.</summary>
    public static IQueryable<Application> VisibleTo(this IQueryable<Application> applications, GrantHubDbContext db, ICurrentUser user)
    {
        if (user.SeesAllApplicantData())
        {
            return applications;
        }

        var userId = user.Id ?? Guid.Empty;
        var myOrganisations = db.OrganisationMembers.Where(m => m.UserId == userId).Select(m => m.OrganisationId);
        var underMyReview = db.ReadingAssignmentsOf(user).Select(r => r.ApplicationId);
        return applications.Where(a =>
            underMyReview.Contains(a.Id)
            || a.Members.Any(m => m.Status != ConsortiumMemberStatus.Declined && myOrganisations.Contains(m.OrganisationId)));
    }
}
