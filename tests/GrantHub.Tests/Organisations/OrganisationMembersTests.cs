using System.Net;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Features.Users;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Organisations;

public class OrganisationMembersTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Owner_adds_an_existing_account_who_then_acts_for_the_organisation()
    {
        var owner = await factory.NewOrganisation("NP");
        var email = $"colleague-{Guid.NewGuid():N}@example.org";
        var colleague = await factory.NewApplicant(email);

        var organisation = await (await owner.Client.PostJson(
                $"/api/organisations/{owner.OrganisationId}/members", new AddOrganisationMemberRequest(email.ToUpperInvariant(), MembershipRole.Member)))
            .ReadAs<OrganisationResponse>();

        Assert.Equal([MembershipRole.Owner, MembershipRole.Member], organisation.Members.Select(m => m.Role));
        Assert.Equal(email, organisation.Members[1].Email);
        var me = await (await colleague.GetAsync("/api/me")).ReadAs<MeResponse>();
        Assert.Contains(me.Organisations, o => o.Id == owner.OrganisationId && o.Role == MembershipRole.Member);
    }

    [Fact]
    public async Task An_unknown_e_mail_is_refused_without_saying_more()
    {
        var owner = await factory.NewOrganisation("NP");

        var response = await owner.Client.PostJson(
            $"/api/organisations/{owner.OrganisationId}/members", new AddOrganisationMemberRequest("nobody@example.org", MembershipRole.Member));

        var problem = await response.ShouldBeInvalid("email");
        Assert.Single(problem.GetProperty("errors").EnumerateObject());
    }

    [Fact]
    public async Task A_member_who_is_not_an_owner_cannot_add_members()
    {
        var owner = await factory.NewOrganisation("NP");
        var (member, _) = await factory.NewMemberOf(owner, MembershipRole.Member);
        var email = $"other-{Guid.NewGuid():N}@example.org";
        await factory.NewApplicant(email);

        var response = await member.PostJson($"/api/organisations/{owner.OrganisationId}/members", new AddOrganisationMemberRequest(email, MembershipRole.Owner));

        await response.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_co_owner_can_add_members()
    {
        var owner = await factory.NewOrganisation("NP");
        var (coOwner, _) = await factory.NewMemberOf(owner, MembershipRole.Owner);
        var email = $"other-{Guid.NewGuid():N}@example.org";
        await factory.NewApplicant(email);

        var response = await coOwner.PostJson($"/api/organisations/{owner.OrganisationId}/members", new AddOrganisationMemberRequest(email, MembershipRole.Member));

        var organisation = await response.ReadAs<OrganisationResponse>();
        Assert.Equal(3, organisation.Members.Count);
    }

    [Fact]
    public async Task Someone_outside_the_organisation_cannot_add_members_or_learn_it_exists()
    {
        var owner = await factory.NewOrganisation("NP");
        var stranger = await factory.NewOrganisation("BI");

        var response = await stranger.Client.PostJson(
            $"/api/organisations/{owner.OrganisationId}/members", new AddOrganisationMemberRequest(stranger.Email, MembershipRole.Owner));

        await response.ShouldBe(HttpStatusCode.NotFound);
        var members = await factory.WithDb(db => db.OrganisationMembers.CountAsync(m => m.OrganisationId == owner.OrganisationId));
        Assert.Equal(1, members);
    }

    [Fact]
    public async Task Adding_a_member_twice_is_refused()
    {
        var owner = await factory.NewOrganisation("NP");
        var (_, email) = await factory.NewMemberOf(owner);

        var response = await owner.Client.PostJson($"/api/organisations/{owner.OrganisationId}/members", new AddOrganisationMemberRequest(email, MembershipRole.Owner));

        await response.ShouldBreakRule("organisation-member-exists");
    }

    [Theory]
    [InlineData("not-an-email", "Member", "email")]
    [InlineData("someone@example.org", "Chair", "role")]
    public async Task Invalid_member_is_refused(string email, string role, string field)
    {
        var owner = await factory.NewOrganisation("NP");

        var response = await owner.Client.PostJson($"/api/organisations/{owner.OrganisationId}/members", new { email, role });

        await response.ShouldBeInvalid(field);
    }

    [Fact]
    public async Task The_added_person_s_e_mail_stays_out_of_the_audit_trail()
    {
        var owner = await factory.NewOrganisation("NP", sensitive: true);
        var (_, email) = await factory.NewMemberOf(owner);

        var payload = await factory.WithDb(db => db.AuditEntries
            .Where(a => a.ObjectId == owner.OrganisationId && a.Command == "AddOrganisationMember")
            .Select(a => a.Payload)
            .SingleAsync());

        Assert.DoesNotContain(email, payload);
    }
}
