using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Core.Applications;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;

namespace GrantHub.Tests.Applications;

public class ConsortiumFlowTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Lead_and_partner_build_and_submit_a_joint_proposal_through_the_api_alone()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var partner = await factory.NewOrganisation("BI");
        var (partnerColleague, _) = await factory.NewMemberOf(partner);

        var draft = await lead.Draft(call, durationMonths: 30);
        Assert.Equal(ApplicationStatus.Draft, draft.Status);
        Assert.Equal("EUR", draft.Currency);
        Assert.Equal(0m, draft.RequestedTotal);
        var leadMember = Assert.Single(draft.Members);
        Assert.Equal(
            (lead.OrganisationId, lead.Organisation.Name, ConsortiumRole.Lead, ConsortiumMemberStatus.Confirmed),
            (leadMember.OrganisationId, leadMember.OrganisationName, leadMember.Role, leadMember.Status));

        var invited = await lead.Invite(draft.Id, partner);
        Assert.Equal(ConsortiumMemberStatus.Invited, invited.Members.Single(m => m.Role == ConsortiumRole.Partner).Status);
        var invitation = Assert.Single(await partnerColleague.Notifications(), n => n.Kind == "partner-invited");
        Assert.Equal($"/applications/{draft.Id}/partnership/{partner.OrganisationId}", invitation.Link);
        Assert.Single(await partner.Client.Notifications(), n => n.Kind == "partner-invited");

        var seenByPartner = await partner.Client.Get(draft.Id);
        Assert.Equal(draft.Title, seenByPartner.Title);
        var confirmed = await partner.Confirm(draft.Id);
        Assert.Equal(ConsortiumMemberStatus.Confirmed, confirmed.Members.Single(m => m.OrganisationId == partner.OrganisationId).Status);

        var budgeted = await lead.Budget(
            draft.Id,
            new BudgetLineInput(partner.OrganisationId, 1, 15_000.25m),
            new BudgetLineInput(lead.OrganisationId, 1, 40_000m),
            new BudgetLineInput(lead.OrganisationId, 2, 40_000m),
            new BudgetLineInput(lead.OrganisationId, 3, 20_000m));
        Assert.Equal(115_000.25m, budgeted.RequestedTotal);
        Assert.Equal(
            [
                new BudgetLineResponse(lead.OrganisationId, 1, 40_000m),
                new BudgetLineResponse(lead.OrganisationId, 2, 40_000m),
                new BudgetLineResponse(lead.OrganisationId, 3, 20_000m),
                new BudgetLineResponse(partner.OrganisationId, 1, 15_000.25m),
            ],
            budgeted.Budget);
        Assert.Equal(ConsortiumMemberStatus.Invited, budgeted.Members.Single(m => m.OrganisationId == partner.OrganisationId).Status);
        await partner.Confirm(draft.Id);

        var submitted = await (await lead.Client.Submit(draft.Id)).ReadAs<ApplicationResponse>();

        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
        Assert.Equal(factory.StoredNow, submitted.SubmittedAt);
        Assert.Null(submitted.WithdrawnAt);
        ApplicationTestData.AssertSameApplication(submitted, await partner.Client.Get(draft.Id));
        foreach (var member in new[] { lead.Client, partner.Client, partnerColleague })
        {
            var notice = Assert.Single(await member.Notifications(), n => n.Kind == "application-submitted");
            Assert.Equal("Consortium application submitted", notice.Subject);
        }
    }

    [Fact]
    public async Task Notifications_never_name_an_organisation_at_risk()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP", sensitive: true, name: $"Hidden Lead {Guid.NewGuid():N}");
        var partner = await factory.NewOrganisation("BI", sensitive: true, name: $"Hidden Partner {Guid.NewGuid():N}");
        var draft = await lead.Draft(call);
        await factory.InviteThroughSharedMember(lead, draft.Id, partner);
        await partner.Confirm(draft.Id);
        await lead.Budget(draft.Id, new BudgetLineInput(lead.OrganisationId, 1, 60_000m));
        await (await lead.Client.Submit(draft.Id)).ShouldBe(HttpStatusCode.OK);

        var notices = (await partner.Client.Notifications()).Concat(await lead.Client.Notifications()).ToList();

        Assert.Equal(3, notices.Count(n => !n.Kind.StartsWith("organisation-invitation", StringComparison.Ordinal)));
        Assert.All(notices, n =>
        {
            Assert.DoesNotContain(lead.Organisation.Name, n.Subject);
            Assert.DoesNotContain(partner.Organisation.Name, n.Subject);
            Assert.DoesNotContain(lead.Organisation.Name, n.Body);
            Assert.DoesNotContain(partner.Organisation.Name, n.Body);
        });
    }

    [Fact]
    public async Task An_invitation_names_an_organisation_that_is_not_at_risk_in_its_body_only()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP", name: $"Open Lead {Guid.NewGuid():N}");
        var partner = await factory.NewOrganisation("BI");
        var draft = await lead.Draft(call);

        await lead.Invite(draft.Id, partner);

        var invitation = Assert.Single(await partner.Client.Notifications());
        Assert.Contains(lead.Organisation.Name, invitation.Body);
        Assert.DoesNotContain(lead.Organisation.Name, invitation.Subject);
        Assert.Equal("Invitation to join a consortium application", invitation.Subject);
    }

    [Fact]
    public async Task A_member_who_is_not_an_owner_may_lead_the_organisation_s_application()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var (member, _) = await factory.NewMemberOf(lead, MembershipRole.Member);

        var response = await member.PostJson("/api/applications", ApplicationTestData.ApplicationInput(call.Id, lead.OrganisationId));

        var draft = await response.ReadAs<ApplicationResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/applications/{draft.Id}", response.Headers.Location?.OriginalString);
        ApplicationTestData.AssertSameApplication(draft, await lead.Client.Get(draft.Id));
    }
}
