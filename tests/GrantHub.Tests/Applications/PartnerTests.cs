using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Core.Applications;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;

namespace GrantHub.Tests.Applications;

public class PartnerTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task The_lead_invites_a_partner_whose_owners_and_members_are_told()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var partner = await factory.NewOrganisation("BI");
        var (partnerMember, _) = await factory.NewMemberOf(partner, MembershipRole.Member);
        var draft = await lead.Draft(call);

        var invited = await lead.Invite(draft.Id, partner);

        var member = invited.Members.Single(m => m.OrganisationId == partner.OrganisationId);
        Assert.Equal((partner.Organisation.Name, ConsortiumRole.Partner, ConsortiumMemberStatus.Invited), (member.OrganisationName, member.Role, member.Status));
        Assert.Single(await partner.Client.Notifications(), n => n.Kind == "partner-invited");
        Assert.Single(await partnerMember.Notifications(), n => n.Kind == "partner-invited");
        Assert.DoesNotContain(await lead.Client.Notifications(), n => n.Kind == "partner-invited");
    }

    [Fact]
    public async Task Inviting_an_unknown_organisation_the_lead_itself_or_a_partner_twice_is_refused()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var partner = await factory.NewOrganisation("BI");
        var draft = await lead.Draft(call);
        await lead.Invite(draft.Id, partner);

        await (await lead.Client.PostJson($"/api/applications/{draft.Id}/partners", new InvitePartnerRequest(Guid.NewGuid()))).ShouldBeInvalid("organisationId");
        await (await lead.Client.PostJson($"/api/applications/{draft.Id}/partners", new InvitePartnerRequest(Guid.Empty))).ShouldBeInvalid("organisationId");
        await (await lead.Client.PostJson($"/api/applications/{draft.Id}/partners", new InvitePartnerRequest(lead.OrganisationId))).ShouldBreakRule("lead-cannot-be-partner");
        await (await lead.Client.PostJson($"/api/applications/{draft.Id}/partners", new InvitePartnerRequest(partner.OrganisationId))).ShouldBreakRule("partner-already-invited");
        await partner.Confirm(draft.Id);
        await (await lead.Client.PostJson($"/api/applications/{draft.Id}/partners", new InvitePartnerRequest(partner.OrganisationId))).ShouldBreakRule("partner-already-invited");
    }

    [Fact]
    public async Task A_partner_cannot_invite_or_remove_partners()
    {
        var consortium = await factory.ReadyConsortium();
        var other = await factory.NewOrganisation("CO");

        await (await consortium.Partner.Client.PostJson($"/api/applications/{consortium.Id}/partners", new InvitePartnerRequest(other.OrganisationId)))
            .ShouldBe(HttpStatusCode.Forbidden);
        await (await consortium.Partner.Client.DeleteAsync($"/api/applications/{consortium.Id}/partners/{consortium.Partner.OrganisationId}"))
            .ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_partner_confirms_for_itself_and_confirming_again_changes_nothing()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var partner = await factory.NewOrganisation("BI");
        var draft = await lead.Draft(call);
        await lead.Invite(draft.Id, partner);

        var confirmed = await partner.Confirm(draft.Id);
        var again = await partner.Confirm(draft.Id);

        Assert.Equal(ConsortiumMemberStatus.Confirmed, confirmed.Members.Single(m => m.OrganisationId == partner.OrganisationId).Status);
        ApplicationTestData.AssertSameApplication(confirmed, again);
    }

    [Fact]
    public async Task The_lead_can_never_confirm_or_decline_for_a_partner()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var partner = await factory.NewOrganisation("BI");
        var draft = await lead.Draft(call);
        await lead.Invite(draft.Id, partner);

        await (await lead.Client.PostJson($"/api/applications/{draft.Id}/partners/{partner.OrganisationId}/confirm")).ShouldBe(HttpStatusCode.Forbidden);
        await (await lead.Client.PostJson($"/api/applications/{draft.Id}/partners/{partner.OrganisationId}/decline")).ShouldBe(HttpStatusCode.Forbidden);
        await (await lead.Client.PostJson($"/api/applications/{draft.Id}/partners/{lead.OrganisationId}/confirm")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Officer()).PostJson($"/api/applications/{draft.Id}/partners/{partner.OrganisationId}/confirm")).ShouldBe(HttpStatusCode.Forbidden);

        Assert.Equal(ConsortiumMemberStatus.Invited, (await lead.Client.Get(draft.Id)).Members.Single(m => m.OrganisationId == partner.OrganisationId).Status);
    }

    [Fact]
    public async Task Someone_who_belongs_to_both_lead_and_partner_may_confirm_as_the_partner()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var partner = await factory.NewOrganisation("BI");
        await partner.Admit(lead.Client, lead.Email);
        var draft = await lead.Draft(call);
        await lead.Invite(draft.Id, partner);

        var confirmed = await (await lead.Client.PostJson($"/api/applications/{draft.Id}/partners/{partner.OrganisationId}/confirm"))
            .ReadAs<ApplicationResponse>();

        Assert.Equal(ConsortiumMemberStatus.Confirmed, confirmed.Members.Single(m => m.OrganisationId == partner.OrganisationId).Status);
    }

    [Fact]
    public async Task A_partner_that_declines_loses_its_budget_lines_and_every_sight_of_the_application()
    {
        var consortium = await factory.ReadyConsortium();
        var partner = consortium.Partner;

        var declined = await (await partner.Client.PostJson($"/api/applications/{consortium.Id}/partners/{partner.OrganisationId}/decline"))
            .ReadAs<ApplicationResponse>();

        Assert.Equal(ConsortiumMemberStatus.Declined, declined.Members.Single(m => m.OrganisationId == partner.OrganisationId).Status);
        Assert.DoesNotContain(declined.Budget, l => l.OrganisationId == partner.OrganisationId);
        Assert.Equal(80_000m, declined.RequestedTotal);
        await (await partner.Client.GetAsync($"/api/applications/{consortium.Id}")).ShouldBe(HttpStatusCode.NotFound);
        await (await partner.Client.PostJson($"/api/applications/{consortium.Id}/partners/{partner.OrganisationId}/decline")).ShouldBe(HttpStatusCode.NotFound);
        await (await partner.Client.PostJson($"/api/applications/{consortium.Id}/partners/{partner.OrganisationId}/confirm")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(ConsortiumMemberStatus.Declined, (await consortium.Lead.Client.Get(consortium.Id)).Members.Single(m => m.OrganisationId == partner.OrganisationId).Status);
    }

    [Fact]
    public async Task An_at_risk_organisation_is_unnamed_to_the_consortium_until_it_confirms_then_named_by_its_alias_and_by_its_legal_name_only_to_its_members()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation();
        var atRisk = await factory.NewAtRiskOrganisation("Shelter network at risk", alias: "Shelter circle");
        var draft = await lead.Draft(call);

        await factory.InviteThroughSharedMember(lead, draft.Id, atRisk);
        var beforeConfirming = await lead.Client.Get(draft.Id);
        await atRisk.Confirm(draft.Id);
        var afterConfirming = await lead.Client.Get(draft.Id);

        string NameIn(ApplicationResponse application) => application.Members.Single(m => m.OrganisationId == atRisk.OrganisationId).OrganisationName;
        Assert.Equal(ApplicationResponses.UnconfirmedSensitiveOrganisationName, NameIn(beforeConfirming));
        Assert.Equal("Shelter circle", NameIn(afterConfirming));
        Assert.Equal("Shelter network at risk", NameIn(await atRisk.Client.Get(draft.Id)));
    }

    [Fact]
    public async Task A_declined_partner_may_be_invited_again_and_then_confirm()
    {
        var consortium = await factory.ReadyConsortium();
        var partner = consortium.Partner;
        await (await partner.Client.PostJson($"/api/applications/{consortium.Id}/partners/{partner.OrganisationId}/decline")).ShouldBe(HttpStatusCode.OK);

        var reinvited = await consortium.Lead.Invite(consortium.Id, partner);
        var confirmed = await partner.Confirm(consortium.Id);

        Assert.Equal(ConsortiumMemberStatus.Invited, reinvited.Members.Single(m => m.OrganisationId == partner.OrganisationId).Status);
        Assert.Equal(ConsortiumMemberStatus.Confirmed, confirmed.Members.Single(m => m.OrganisationId == partner.OrganisationId).Status);
        Assert.Equal(2, (await partner.Client.Notifications()).Count(n => n.Kind == "partner-invited"));
    }

    [Fact]
    public async Task The_lead_removes_a_partner_with_its_budget_lines_and_the_partner_loses_sight_of_the_application()
    {
        var consortium = await factory.ReadyConsortium();

        var removed = await (await consortium.Lead.Client.DeleteAsync($"/api/applications/{consortium.Id}/partners/{consortium.Partner.OrganisationId}"))
            .ReadAs<ApplicationResponse>();

        Assert.Equal([consortium.Lead.OrganisationId], removed.Members.Select(m => m.OrganisationId));
        Assert.All(removed.Budget, l => Assert.Equal(consortium.Lead.OrganisationId, l.OrganisationId));
        Assert.Equal(80_000m, removed.RequestedTotal);
        await (await consortium.Partner.Client.GetAsync($"/api/applications/{consortium.Id}")).ShouldBe(HttpStatusCode.NotFound);
        await (await consortium.Partner.Client.PostJson($"/api/applications/{consortium.Id}/partners/{consortium.Partner.OrganisationId}/confirm"))
            .ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Removing_the_lead_or_an_organisation_that_is_not_a_partner_is_refused()
    {
        var consortium = await factory.ReadyConsortium();

        await (await consortium.Lead.Client.DeleteAsync($"/api/applications/{consortium.Id}/partners/{consortium.Lead.OrganisationId}"))
            .ShouldBreakRule("lead-cannot-be-removed");
        await (await consortium.Lead.Client.DeleteAsync($"/api/applications/{consortium.Id}/partners/{Guid.NewGuid()}"))
            .ShouldBe(HttpStatusCode.NotFound);
    }
}
