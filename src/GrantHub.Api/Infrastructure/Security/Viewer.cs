using GrantHub.Core.Applications;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Identity;
using GrantHub.Core.Organisations;
using GrantHub.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Security;

/// <summary>
/// The signed-in user as every access decision sees them: who they are, their roles, the organisations they
/// belong to and the applications they review. One per request (scoped): the memberships and assignments are
/// read at most once, on first use. Anonymous callers (scheduled jobs) have no organisations and no assignments.
/// Each aggregate's visibility filter (<see cref="Visibility"/>) and the related-party rule are built on it.
/// </summary>
public sealed class Viewer(GrantHubDbContext db, ICurrentUser user) : ICurrentUser
{
    private IReadOnlyDictionary<Guid, MembershipRole>? _memberships;
    private IReadOnlySet<Guid>? _organisations;
    private IReadOnlySet<Guid>? _applicationsUnderReview;

    public Guid? Id => user.Id;

    public string? Email => user.Email;

    public bool IsInRole(string role) => user.IsInRole(role);

    /// <summary>The user's organisations as a query, to compose into another query (no round trip of its own).</summary>
    public IQueryable<Guid> OrganisationIdsQuery
    {
        get
        {
            var userId = user.Id ?? Guid.Empty;
            return db.OrganisationMembers.Where(m => m.UserId == userId).Select(m => m.OrganisationId);
        }
    }

    /// <summary>
    /// The reviewer's assignments that let them read an application: none unless they hold the Reviewer role;
    /// never a recused one, and never one on an application of their own organisations (a related party is
    /// recused whatever the assignment's status says).
    /// </summary>
    public IQueryable<ReviewAssignment> ReadingAssignments
    {
        get
        {
            if (!user.IsInRole(Roles.Reviewer) || user.Id is not { } userId)
            {
                return db.ReviewAssignments.Where(_ => false);
            }

            var mine = OrganisationIdsQuery;
            return db.ReviewAssignments.Where(r =>
                r.ReviewerUserId == userId
                && r.Status != ReviewStatus.Recused
                && !db.Applications.Any(a => a.Id == r.ApplicationId
                    && a.Members.Any(m => m.Status != ConsortiumMemberStatus.Declined && mine.Contains(m.OrganisationId))));
        }
    }

    /// <summary>The organisations the user acts for, with the user's role in each.</summary>
    public async Task<IReadOnlyDictionary<Guid, MembershipRole>> MembershipsAsync(CancellationToken cancellationToken) =>
        _memberships ??= user.Id is { } userId
            ? await db.OrganisationMembers.Where(m => m.UserId == userId)
                .Select(m => new { m.OrganisationId, m.Role })
                .ToDictionaryAsync(m => m.OrganisationId, m => m.Role, cancellationToken)
            : new Dictionary<Guid, MembershipRole>();

    /// <summary>The organisations the user acts for (as owner or member).</summary>
    public async Task<IReadOnlySet<Guid>> OrganisationsAsync(CancellationToken cancellationToken) =>
        _organisations ??= (await MembershipsAsync(cancellationToken)).Keys.ToHashSet();

    /// <summary>The user's role in the organisation, or null when they are not a member of it.</summary>
    public async Task<MembershipRole?> RoleInAsync(Guid organisationId, CancellationToken cancellationToken) =>
        (await MembershipsAsync(cancellationToken)).TryGetValue(organisationId, out var role) ? role : null;

    /// <summary>The applications the user reads as their reviewer (see <see cref="ReadingAssignments"/>).</summary>
    public async Task<IReadOnlySet<Guid>> ApplicationsUnderReviewAsync(CancellationToken cancellationToken) =>
        _applicationsUnderReview ??= (await ReadingAssignments.Select(r => r.ApplicationId).ToListAsync(cancellationToken)).ToHashSet();

    public async Task<bool> IsMemberOfAsync(Guid organisationId, CancellationToken cancellationToken) =>
        (await OrganisationsAsync(cancellationToken)).Contains(organisationId);

    /// <summary>409 <c>related-party</c> when the user belongs to any of the organisations concerned.</summary>
    public async Task EnsureNotRelatedPartyAsync(IEnumerable<Guid> concerned, string refusal, CancellationToken cancellationToken) =>
        RelatedParty.Ensure(await OrganisationsAsync(cancellationToken), concerned, refusal);

    public Task EnsureNotRelatedPartyAsync(Guid organisationId, string refusal, CancellationToken cancellationToken) =>
        EnsureNotRelatedPartyAsync([organisationId], refusal, cancellationToken);

    /// <summary>
    /// The user's own review assignment, tracked, to declare, score or submit; anyone else's is not found (blind
    /// review). A reviewer who is a member of an organisation of the consortium is recused: 409 <c>related-party</c>.
    /// </summary>
    public async Task<ReviewAssignment> FindMyAssignmentToWorkOnAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId();
        var assignment = await db.ReviewAssignments.FirstOrDefaultAsync(r => r.Id == assignmentId && r.ReviewerUserId == userId, cancellationToken)
            ?? throw new NotFoundException("Review", assignmentId);
        var consortium = await db.Applications
            .Where(a => a.Id == assignment.ApplicationId)
            .SelectMany(a => a.Members.Where(m => m.Status != ConsortiumMemberStatus.Declined).Select(m => m.OrganisationId))
            .ToListAsync(cancellationToken);
        await EnsureNotRelatedPartyAsync(
            consortium, "You are a member of an organisation in this consortium and are recused from reviewing its application.", cancellationToken);
        return assignment;
    }
}
