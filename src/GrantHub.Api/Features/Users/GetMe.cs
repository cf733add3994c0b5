using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Identity;
using GrantHub.Core.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Users;

public record GetMeQuery : IQuery<MeResponse>;

public record MyOrganisation(Guid Id, string Name, MembershipRole Role);

public record MeResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<MyOrganisation> Organisations);

public sealed class GetMeHandler(GrantHubDbContext db, Viewer viewer) : IQueryHandler<GetMeQuery, MeResponse>
{
    public async ValueTask<MeResponse> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var userId = viewer.RequiredId();
        // The account's three fields, never its whole row (password hash, second-factor state and lockout included).
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.Email, u.DisplayName })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("User", userId);
        var roles = await db.UserRoles
            .Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .OrderBy(name => name)
            .ToListAsync(cancellationToken);
        var memberships = await viewer.MembershipsAsync(cancellationToken);
        var organisationIds = memberships.Keys.ToList();
        var organisations = organisationIds.Count == 0
            ? []
            : await db.Organisations
                .Where(o => organisationIds.Contains(o.Id))
                .Select(o => new { o.Id, o.Name })
                .ToListAsync(cancellationToken);

        // Names are encrypted at rest: sorted here, once decrypted.
        return new MeResponse(
            user.Id, user.Email!, user.DisplayName, roles,
            [.. organisations.OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => new MyOrganisation(o.Id, o.Name, memberships[o.Id]))]);
    }
}
