using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using GrantHub.Core.Identity;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

/// <summary>
/// What the signed-in user may see and do with emergency requests, on top of the request's <see cref="Visibility"/>.
/// Justifications and finance's internal comments are read by finance and programme officers only (the organisation
/// also reads its own justification). Requests are confidential, so whoever may not see one gets 404 for it.
/// </summary>
public sealed record EmergencyViewer(Viewer Viewer, IReadOnlySet<Guid> OrganisationIds)
{
    public static async Task<EmergencyViewer> LoadAsync(Viewer viewer, CancellationToken cancellationToken) =>
        new(viewer, await viewer.OrganisationsAsync(cancellationToken));

    public Guid UserId => Viewer.RequiredId();

    private bool ReadsConfidentialDetails => Viewer.IsInRole(Roles.FinanceOfficer) || Viewer.IsInRole(Roles.ProgrammeOfficer);

    public bool MayReadJustification(EmergencyRequest request) =>
        ReadsConfidentialDetails || OrganisationIds.Contains(request.OrganisationId);

    /// <summary>Finance's approval comments are internal: they may name sources of threats or checks made.</summary>
    public bool MayReadFinanceComments => ReadsConfidentialDetails;

    /// <summary>A staff member whose roles give no access (a reviewer, possibly external) and who belongs to no organisation.</summary>
    public bool MayListNothing => Viewer.IsStaff() && !Viewer.SeesAllApplicantData() && OrganisationIds.Count == 0;

    /// <summary>The organisation's members and the officer who entered the request for them.</summary>
    public bool IsRequestingSide(EmergencyRequest request) =>
        OrganisationIds.Contains(request.OrganisationId) || request.EnteredBy == Viewer.Id;

    /// <summary>The request with its approvals, or 404 when it does not exist or this viewer may not see it.</summary>
    public Task<EmergencyRequest> FindAsync(IQueryable<EmergencyRequest> requests, Guid id, CancellationToken cancellationToken) =>
        requests.Include(r => r.Approvals).FindVisibleAsync(Viewer, id, cancellationToken);

    /// <summary>
    /// The request for finance to approve, reject, pay or release: 404 as <see cref="FindAsync"/>, and 409
    /// <c>related-party</c> for a member of the requesting organisation.
    /// </summary>
    public async Task<EmergencyRequest> FindToHandleMoneyAsync(IQueryable<EmergencyRequest> requests, Guid id, CancellationToken cancellationToken)
    {
        var request = await FindAsync(requests, id, cancellationToken);
        if (RelatedPartyRefusal(request) is { } refusal)
        {
            throw refusal;
        }

        return request;
    }

    /// <summary>The 409 <c>related-party</c> a member of the requesting organisation gets for handling its money, or null.</summary>
    public BusinessRuleException? RelatedPartyRefusal(EmergencyRequest request) =>
        RelatedParty.Refusal(
            OrganisationIds, [request.OrganisationId], "You are a member of the requesting organisation and cannot decide, pay or release its emergency money.");
}
