using System.Net;
using System.Text.Json;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Features.Users;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Identity;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Organisations;

public class InvitationTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private static string NewEmail(string who = "colleague") => $"{who}-{Guid.NewGuid():N}@example.org";

    private Task<int> MembersOf(Guid organisationId) =>
        factory.WithDb(db => db.OrganisationMembers.CountAsync(m => m.OrganisationId == organisationId));

    private static async Task<IReadOnlyList<MyInvitationResponse>> MyInvitations(HttpClient client) =>
        await (await client.GetAsync("/api/me/invitations")).ReadAs<List<MyInvitationResponse>>();

    [Fact]
    public async Task An_invited_account_that_accepts_becomes_a_member_in_the_invited_role()
    {
        var owner = await factory.NewOrganisation("NP");
        var email = NewEmail();
        var colleague = await factory.NewApplicant(email);

        var invitation = await owner.Client.InviteTo(owner.OrganisationId, email.ToUpperInvariant(), MembershipRole.Owner);
        var listed = Assert.Single(await MyInvitations(colleague));
        var accepted = await (await colleague.PostJson($"/api/me/invitations/{invitation.Id}/accept")).ReadAs<MyInvitationResponse>();

        Assert.Equal(InvitationStatus.Pending, invitation.Status);
        Assert.Equal(owner.Organisation.Name, listed.OrganisationName);
        Assert.Equal(InvitationStatus.Accepted, accepted.Status);
        var me = await (await colleague.GetAsync("/api/me")).ReadAs<MeResponse>();
        Assert.Contains(me.Organisations, o => o.Id == owner.OrganisationId && o.Role == MembershipRole.Owner);
        Assert.Empty(await MyInvitations(colleague));
        Assert.Contains("organisation-invitation-answered", await factory.NotificationKinds(await factory.UserId(owner.Email)));
    }

    [Fact]
    public async Task Nobody_becomes_a_member_without_accepting()
    {
        var owner = await factory.NewOrganisation("NP");
        var email = NewEmail();
        var colleague = await factory.NewApplicant(email);

        await owner.Client.InviteTo(owner.OrganisationId, email, MembershipRole.Owner);

        Assert.Equal(1, await MembersOf(owner.OrganisationId));
        var me = await (await colleague.GetAsync("/api/me")).ReadAs<MeResponse>();
        Assert.DoesNotContain(me.Organisations, o => o.Id == owner.OrganisationId);
    }

    [Fact]
    public async Task The_answer_is_the_same_whether_or_not_the_address_has_an_account()
    {
        var owner = await factory.NewOrganisation("NP");
        var withAccount = NewEmail("known");
        await factory.NewApplicant(withAccount);
        var staffEmail = $"staff-{Guid.NewGuid():N}@granthub.local";
        var admin = await factory.Admin();
        await (await admin.PostJson("/api/users", new CreateStaffUserCommand(staffEmail, DemoData.Password, "Finance Three", [Roles.FinanceOfficer])))
            .ShouldBe(HttpStatusCode.Created);

        var shapes = new List<string>();
        foreach (var email in new[] { withAccount, NewEmail("unknown"), staffEmail })
        {
            var response = await owner.Client.PostJson($"/api/organisations/{owner.OrganisationId}/invitations", new InviteMemberRequest(email, MembershipRole.Member));
            var body = await response.ReadJson(HttpStatusCode.Created);
            Assert.Equal(email, body.GetProperty("email").GetString());
            shapes.Add(string.Join(",", body.EnumerateObject().Select(p => $"{p.Name}:{(p.Name is "id" or "email" or "invitedAt" ? "" : p.Value.ToString())}")));
        }

        Assert.Single(shapes.Distinct());
    }

    [Fact]
    public async Task Someone_who_registers_later_with_the_address_sees_and_accepts_the_invitation()
    {
        var owner = await factory.NewOrganisation("NP");
        var email = NewEmail("newcomer");
        var invitation = await owner.Client.InviteTo(owner.OrganisationId, email);

        var newcomer = await factory.NewApplicant(email.ToUpperInvariant());

        Assert.Equal(invitation.Id, Assert.Single(await MyInvitations(newcomer)).Id);
        await (await newcomer.PostJson($"/api/me/invitations/{invitation.Id}/accept")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, await MembersOf(owner.OrganisationId));
    }

    [Fact]
    public async Task A_staff_account_cannot_join_an_applicant_organisation()
    {
        var owner = await factory.NewOrganisation("NP");
        var finance = await factory.NewStaffUser(Roles.FinanceOfficer);
        var invitation = await owner.Client.InviteTo(owner.OrganisationId, finance.Email);

        await (await finance.Client.PostJson($"/api/me/invitations/{invitation.Id}/accept")).ShouldBreakRule("staff-account");

        Assert.Equal(1, await MembersOf(owner.OrganisationId));
        Assert.Equal(InvitationStatus.Pending, Assert.Single(await MyInvitations(finance.Client)).Status);
    }

    [Fact]
    public async Task A_declined_invitation_leaves_the_organisation_unchanged_and_tells_the_owner()
    {
        var owner = await factory.NewOrganisation("NP");
        var email = NewEmail();
        var colleague = await factory.NewApplicant(email);
        var invitation = await owner.Client.InviteTo(owner.OrganisationId, email);

        var declined = await (await colleague.PostJson($"/api/me/invitations/{invitation.Id}/decline")).ReadAs<MyInvitationResponse>();

        Assert.Equal(InvitationStatus.Declined, declined.Status);
        Assert.Equal(1, await MembersOf(owner.OrganisationId));
        await (await colleague.PostJson($"/api/me/invitations/{invitation.Id}/accept")).ShouldBreakRule("invitation-not-pending");
        Assert.Contains("organisation-invitation-answered", await factory.NotificationKinds(await factory.UserId(owner.Email)));
    }

    [Fact]
    public async Task An_owner_revokes_a_pending_invitation_which_can_then_no_longer_be_accepted()
    {
        var owner = await factory.NewOrganisation("NP");
        var email = NewEmail();
        var colleague = await factory.NewApplicant(email);
        var invitation = await owner.Client.InviteTo(owner.OrganisationId, email);

        var revoked = await (await owner.Client.DeleteAsync($"/api/organisations/{owner.OrganisationId}/invitations/{invitation.Id}"))
            .ReadAs<OrganisationInvitationResponse>();

        Assert.Equal(InvitationStatus.Revoked, revoked.Status);
        Assert.Empty(await MyInvitations(colleague));
        await (await colleague.PostJson($"/api/me/invitations/{invitation.Id}/accept")).ShouldBreakRule("invitation-not-pending");
        Assert.Equal(1, await MembersOf(owner.OrganisationId));
    }

    [Fact]
    public async Task Owners_list_the_invitations_still_waiting_for_an_answer_and_other_members_may_not()
    {
        var owner = await factory.NewOrganisation("NP");
        var (member, _) = await factory.NewMemberOf(owner, MembershipRole.Member);
        var waiting = await owner.Client.InviteTo(owner.OrganisationId, NewEmail());
        var revoked = await owner.Client.InviteTo(owner.OrganisationId, NewEmail());
        await (await owner.Client.DeleteAsync($"/api/organisations/{owner.OrganisationId}/invitations/{revoked.Id}")).ShouldBe(HttpStatusCode.OK);
        var url = $"/api/organisations/{owner.OrganisationId}/invitations";

        var pending = await (await owner.Client.GetAsync(url)).ReadAs<List<OrganisationInvitationResponse>>();

        Assert.Equal([waiting.Id], pending.Select(i => i.Id));
        await (await member.GetAsync(url)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.NewApplicant()).GetAsync(url)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_member_who_is_not_an_owner_can_neither_invite_nor_revoke()
    {
        var owner = await factory.NewOrganisation("NP");
        var (member, _) = await factory.NewMemberOf(owner, MembershipRole.Member);
        var invitation = await owner.Client.InviteTo(owner.OrganisationId, NewEmail());

        await (await member.PostJson($"/api/organisations/{owner.OrganisationId}/invitations", new InviteMemberRequest(NewEmail(), MembershipRole.Owner)))
            .ShouldBe(HttpStatusCode.Forbidden);
        await (await member.DeleteAsync($"/api/organisations/{owner.OrganisationId}/invitations/{invitation.Id}")).ShouldBe(HttpStatusCode.Forbidden);
        var pending = await factory.WithDb(db => db.OrganisationInvitations
            .Where(i => i.OrganisationId == owner.OrganisationId && i.Status == InvitationStatus.Pending)
            .Select(i => i.Id)
            .ToListAsync());
        Assert.Equal([invitation.Id], pending);
    }

    [Fact]
    public async Task A_co_owner_invites_too()
    {
        var owner = await factory.NewOrganisation("NP");
        var (coOwner, _) = await factory.NewMemberOf(owner, MembershipRole.Owner);

        var invitation = await coOwner.InviteTo(owner.OrganisationId, NewEmail());

        Assert.Equal(InvitationStatus.Pending, invitation.Status);
    }

    [Fact]
    public async Task Someone_outside_the_organisation_cannot_invite_or_learn_it_exists()
    {
        var owner = await factory.NewOrganisation("NP", sensitive: true);
        var stranger = await factory.NewOrganisation("BI");

        var response = await stranger.Client.PostJson(
            $"/api/organisations/{owner.OrganisationId}/invitations", new InviteMemberRequest(stranger.Email, MembershipRole.Owner));

        await response.ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(0, await factory.WithDb(db => db.OrganisationInvitations.CountAsync(i => i.OrganisationId == owner.OrganisationId)));
    }

    [Fact]
    public async Task Only_the_addressee_can_answer_an_invitation()
    {
        var owner = await factory.NewOrganisation("NP");
        var invitation = await owner.Client.InviteTo(owner.OrganisationId, NewEmail());
        var other = await factory.NewApplicant();

        await (await other.PostJson($"/api/me/invitations/{invitation.Id}/accept")).ShouldBe(HttpStatusCode.NotFound);
        await (await owner.Client.PostJson($"/api/me/invitations/{invitation.Id}/decline")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_second_pending_invitation_to_the_same_address_is_refused()
    {
        var owner = await factory.NewOrganisation("NP");
        var email = NewEmail();
        await owner.Client.InviteTo(owner.OrganisationId, email);

        await (await owner.Client.PostJson($"/api/organisations/{owner.OrganisationId}/invitations", new InviteMemberRequest(email.ToUpperInvariant(), MembershipRole.Member)))
            .ShouldBreakRule("invitation-pending");
    }

    [Fact]
    public async Task A_member_accepting_again_is_refused()
    {
        var owner = await factory.NewOrganisation("NP");
        var (member, email) = await factory.NewMemberOf(owner);
        var invitation = await owner.Client.InviteTo(owner.OrganisationId, email, MembershipRole.Owner);

        await (await member.PostJson($"/api/me/invitations/{invitation.Id}/accept")).ShouldBreakRule("organisation-member-exists");

        Assert.Equal(InvitationStatus.Pending, Assert.Single(await MyInvitations(member)).Status);
    }

    [Theory]
    [InlineData("not-an-email", "Member", "email")]
    [InlineData("someone@example.org", "Chair", "role")]
    public async Task Invalid_invitation_is_refused(string email, string role, string field)
    {
        var owner = await factory.NewOrganisation("NP");

        var response = await owner.Client.PostJson($"/api/organisations/{owner.OrganisationId}/invitations", new { email, role });

        await response.ShouldBeInvalid(field);
    }

    [Fact]
    public async Task Members_are_no_longer_added_directly()
    {
        var owner = await factory.NewOrganisation("NP");

        var response = await owner.Client.PostJson($"/api/organisations/{owner.OrganisationId}/members", new { email = NewEmail(), role = "Owner" });

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"Got {response.StatusCode}.");
        Assert.Equal(1, await MembersOf(owner.OrganisationId));
    }

    [Fact]
    public async Task The_invited_address_stays_out_of_the_audit_trail_and_a_sensitive_organisation_out_of_the_notification()
    {
        var owner = await factory.NewOrganisation("NP", sensitive: true);
        var email = NewEmail();
        var colleague = await factory.NewApplicant(email);
        var colleagueId = await factory.UserId(email);

        var invitation = await owner.Client.InviteTo(owner.OrganisationId, email);
        await (await colleague.PostJson($"/api/me/invitations/{invitation.Id}/accept")).ShouldBe(HttpStatusCode.OK);

        var payloads = await factory.WithDb(db => db.AuditEntries
            .Where(a => (a.Command == "InviteMember" && a.ObjectId == owner.OrganisationId) || (a.Command == "AcceptInvitation" && a.ObjectId == invitation.Id))
            .Select(a => a.Payload)
            .ToListAsync());
        Assert.Equal(2, payloads.Count);
        Assert.All(payloads, p => Assert.DoesNotContain(email, p, StringComparison.OrdinalIgnoreCase));
        var notification = await factory.WithDb(db => db.Notifications.SingleAsync(n => n.RecipientUserId == colleagueId && n.Kind == "organisation-invitation"));
        Assert.DoesNotContain(owner.Organisation.Name, notification.Subject + notification.Body);
        var ownerNotes = await factory.WithDb(db => db.Notifications.Where(n => n.Kind == "organisation-invitation-answered").Select(n => n.Body).ToListAsync());
        Assert.All(ownerNotes, body => Assert.DoesNotContain(email, body));
    }
}
