using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using GrantHub.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

/// <summary>
/// What the signed-in user may see and do with emergency requests. Finance, programme officers and admins see
/// every request; everyone else, reviewers included, only their own organisations' requests. Justifications and
/// finance's internal comments are read by finance and programme officers only (the organisation also reads its
/// own justification). Requests are confidential, so whoever may not see one gets 404 for it.
/// </summary>
public sealed record EmergencyViewer(
    Guid UserId,
    bool SeesEveryRequest,
    bool ReadsConfidentialDetails,
    bool HasStaffRoleWithoutAccess,
    IReadOnlySet<Guid> OrganisationIds)
{
    public static async Task<EmergencyViewer> LoadAsync(GrantHubDbContext db, ICurrentUser user, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId();
        var organisations = await db.OrganisationMembers
            .Where(m => m.UserId == userId)
            .Select(m => m.OrganisationId)
            .ToListAsync(cancellationToken);
        var readsConfidentialDetails = user.IsInRole(Roles.FinanceOfficer) || user.IsInRole(Roles.ProgrammeOfficer);
        var seesEveryRequest = user.SeesAllApplicantData();
        return new EmergencyViewer(
            userId,
            seesEveryRequest,
            readsConfidentialDetails,
            user.IsStaff() && !seesEveryRequest,
            organisations.ToHashSet());
    }

    public bool MaySee(EmergencyRequest request) => SeesEveryRequest || OrganisationIds.Contains(request.OrganisationId);

    public bool MayReadJustification(EmergencyRequest request) =>
        ReadsConfidentialDetails || OrganisationIds.Contains(request.OrganisationId);

    /// <summary>Finance's approval comments are internal: they may name sources of threats or checks made.</summary>
    public bool MayReadFinanceComments => ReadsConfidentialDetails;

    /// <summary>A staff member whose roles give no access (a reviewer, possibly external) and who belongs to no organisation.</summary>
    public bool MayListNothing => HasStaffRoleWithoutAccess && OrganisationIds.Count == 0;

    /// <summary>The organisation's members and the officer who entered the request for them.</summary>
    public bool IsRequestingSide(EmergencyRequest request) =>
        OrganisationIds.Contains(request.OrganisationId) || request.EnteredBy == UserId;

    /// <summary>The request with its approvals, or 404 when it does not exist or this viewer may not see it.</summary>
    public async Task<EmergencyRequest> FindAsync(IQueryable<EmergencyRequest> requests, Guid id, CancellationToken cancellationToken)
    {
        var request = await requests.Include(r => r.Approvals).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is not null && MaySee(request) ? request : throw new NotFoundException("Emergency request", id);
    }
}
