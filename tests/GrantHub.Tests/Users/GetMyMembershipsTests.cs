using GrantHub.Api.Features.Users;
using GrantHub.Core.Organisations;

namespace GrantHub.Tests.Users;

/// <summary><see cref="MembershipRole.Owner"/> is the enum's zero: a missing membership must never read as ownership.</summary>
public class GetMyMembershipsTests
{
    [Fact]
    public void Only_an_owner_s_membership_owns_an_organisation_and_no_membership_owns_nothing()
    {
        var owned = Guid.NewGuid();
        var joined = Guid.NewGuid();
        IReadOnlyDictionary<Guid, MembershipRole> memberships = new Dictionary<Guid, MembershipRole>
        {
            [owned] = MembershipRole.Owner,
            [joined] = MembershipRole.Member,
        };

        Assert.True(memberships.Owns(owned));
        Assert.False(memberships.Owns(joined));
        Assert.False(memberships.Owns(Guid.NewGuid()));
    }
}
