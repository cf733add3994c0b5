using GrantHub.Core.Common;
using GrantHub.Core.Emergency;
using GrantHub.Core.Identity;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Security;

public static partial class Visibility
{
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

    public static async Task<EmergencyRequest> FindVisibleAsync(this IQueryable<EmergencyRequest> requests, Viewer viewer, Guid id, CancellationToken cancellationToken) =>
        await requests.VisibleTo(viewer).FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
        ?? throw new NotFoundException("Emergency request", id);

    /// <summary>
    /// The request for finance to approve, reject, pay or release: 404 as <see cref="FindVisibleAsync(IQueryable{EmergencyRequest}, Viewer, Guid, CancellationToken)"/>,
    /// and 409 <c>related-party</c> for a member of the requesting organisation.
    /// </summary>
    public static async Task<EmergencyRequest> FindToHandleMoneyAsync(
        this IQueryable<EmergencyRequest> requests, Viewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var request = await requests.FindVisibleAsync(viewer, id, cancellationToken);
        if (RelatedPartyRefusal(await viewer.OrganisationsAsync(cancellationToken), request) is { } refusal)
        {
            throw refusal;
        }

        return request;
    }

    /// <summary>The 409 <c>related-party</c> a member of the requesting organisation gets for handling its money, or null.</summary>
    public static BusinessRuleException? RelatedPartyRefusal(IReadOnlySet<Guid> viewerOrganisations, EmergencyRequest request) =>
        RelatedParty.Refusal(
            viewerOrganisations, [request.OrganisationId], "You are a member of the requesting organisation and cannot decide, pay or release its emergency money.");

    /// <summary>The justification is read by finance, programme officers and the requesting organisation.</summary>
    public static async Task<bool> MayReadJustificationAsync(this Viewer viewer, EmergencyRequest request, CancellationToken cancellationToken) =>
        viewer.ReadsConfidentialEmergencyDetails() || await viewer.IsMemberOfAsync(request.OrganisationId, cancellationToken);

    /// <summary>Finance's approval comments are internal: they may name sources of threats or checks made.</summary>
    public static bool MayReadFinanceComments(this Viewer viewer) => viewer.ReadsConfidentialEmergencyDetails();

    /// <summary>A staff member whose roles give no access (a reviewer, possibly external) and who belongs to no organisation.</summary>
    public static async Task<bool> MayListNoEmergencyRequestsAsync(this Viewer viewer, CancellationToken cancellationToken) =>
        viewer.IsStaff() && !viewer.SeesAllApplicantData() && (await viewer.OrganisationsAsync(cancellationToken)).Count == 0;

    /// <summary>The requesting organisation's members and the officer who entered the request for them.</summary>
    public static async Task<bool> IsRequestingSideAsync(this Viewer viewer, EmergencyRequest request, CancellationToken cancellationToken) =>
        request.EnteredBy == viewer.Id || await viewer.IsMemberOfAsync(request.OrganisationId, cancellationToken);

    private static bool ReadsConfidentialEmergencyDetails(this Viewer viewer) =>
        viewer.IsInRole(Roles.FinanceOfficer) || viewer.IsInRole(Roles.ProgrammeOfficer);
}
