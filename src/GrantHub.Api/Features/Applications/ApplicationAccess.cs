using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Applications;
using GrantHub.Core.Common;

namespace GrantHub.Api.Features.Applications;

/// <summary>
/// Who may change an application: only members of the lead organisation; a partner's own members answer its
/// invitation. Who may read it is <see cref="Visibility"/>'s; everyone else gets 404, whatever the route.
/// </summary>
public static class ApplicationAccess
{
    /// <summary>The application for a change by its lead: 404 if the user may not see it, 403 if they may see but not change it.</summary>
    public static async Task<Application> FindApplicationForLeadAsync(
        this Viewer viewer, IQueryable<Application> applications, Guid id, CancellationToken cancellationToken)
    {
        var application = await applications.FindVisibleAsync(viewer, id, cancellationToken);
        return await viewer.IsMemberOfAsync(application.LeadOrganisationId, cancellationToken)
            ? application
            : throw new ForbiddenException("Only members of the lead organisation can change this application.");
    }
}
