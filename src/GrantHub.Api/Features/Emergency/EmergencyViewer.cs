using GrantHub.Api.Infrastructure;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using GrantHub.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

/// <summary>
/// What the signed-in user may see and do with emergency requests: staff see every request, applicants
/// only their organisations'. Requests are confidential, so whoever may not see one gets 404 for it.
/// </summary>
public sealed record EmergencyViewer(Guid UserId, bool IsStaff, bool ReadsEveryJustification, IReadOnlySet<Guid> OrganisationIds)
{
    public static async Task<EmergencyViewer> LoadAsync(GrantHubDbContext db, ICurrentUser user, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId();
        var organisations = await db.OrganisationMembers
            .Where(m => m.UserId == userId)
            .Select(m => m.OrganisationId)
            .ToListAsync(cancellationToken);
        return new EmergencyViewer(
            userId,
            user.IsStaff(),
            user.IsInRole(Roles.FinanceOfficer) || user.IsInRole(Roles.ProgrammeOfficer),
            organisations.ToHashSet());
    }

    public bool MaySee(EmergencyRequest request) => IsStaff || OrganisationIds.Contains(request.OrganisationId);

    public bool MayReadJustification(EmergencyRequest request) =>
        ReadsEveryJustification || OrganisationIds.Contains(request.OrganisationId);

    /// <summary>The organisation's members and the officer who entered the request for them.</summary>
    public bool IsRequestingSide(EmergencyRequest request) =>
        OrganisationIds.Contains(request.OrganisationId) || request.EnteredBy == UserId;

    /// <summary>The request, or 404 when it does not exist or this viewer may not see it.</summary>
    public EmergencyRequest Visible(EmergencyRequest? request, Guid id) =>
        request is not null && MaySee(request) ? request : throw new NotFoundException("Emergency request", id);
}
