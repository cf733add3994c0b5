using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Organisations;
using Mediator;

namespace GrantHub.Api.Features.Users;

/// <summary>
/// The organisations the signed-in user acts for, with her role in each: what a page needs to offer a member's or an
/// owner's actions. No names and no account (<see cref="GetMeQuery"/> has them), and no query of its own when an access
/// check of the same request has already read the memberships.
/// </summary>
public record GetMyMembershipsQuery : IQuery<IReadOnlyDictionary<Guid, MembershipRole>>;

public sealed class GetMyMembershipsHandler(Viewer viewer) : IQueryHandler<GetMyMembershipsQuery, IReadOnlyDictionary<Guid, MembershipRole>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, MembershipRole>> Handle(GetMyMembershipsQuery query, CancellationToken cancellationToken) =>
        await viewer.MembershipsAsync(cancellationToken);
}

public static class MyMemberships
{
    /// <summary>Whether the user owns the organisation (a role looked up, never defaulted: <see cref="MembershipRole.Owner"/> is the enum's zero).</summary>
    public static bool Owns(this IReadOnlyDictionary<Guid, MembershipRole> memberships, Guid organisationId) =>
        memberships.TryGetValue(organisationId, out var role) && role == MembershipRole.Owner;
}
