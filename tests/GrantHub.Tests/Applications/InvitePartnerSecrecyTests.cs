using System.Net;
using System.Text.Json;
using GrantHub.Api.Features.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Notifications;
using GrantHub.Tests.Organisations;

namespace GrantHub.Tests.Applications;

/// <summary>Inviting a partner by id never tells the inviter that an organisation at risk exists.</summary>
public class InvitePartnerSecrecyTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private static async Task<string> ProblemWithoutTrace(HttpResponseMessage response)
    {
        var problem = await response.ShouldBeInvalid("organisationId");
        return string.Join(";", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
    }

    [Fact]
    public async Task An_unknown_id_and_an_at_risk_organisation_s_id_get_the_same_answer()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var atRisk = await factory.NewOrganisation("BI", sensitive: true);
        var draft = await lead.Draft(call);

        var forUnknown = await lead.Client.PostJson($"/api/applications/{draft.Id}/partners", new InvitePartnerRequest(Guid.NewGuid()));
        var forAtRisk = await lead.Client.PostJson($"/api/applications/{draft.Id}/partners", new InvitePartnerRequest(atRisk.OrganisationId));

        Assert.Equal(await ProblemWithoutTrace(forUnknown), await ProblemWithoutTrace(forAtRisk));
        Assert.DoesNotContain((await lead.Client.Get(draft.Id)).Members, m => m.OrganisationId == atRisk.OrganisationId);
        Assert.Empty(await atRisk.Client.Notifications());
    }

    [Fact]
    public async Task An_organisation_that_is_not_at_risk_is_invited_by_its_id()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var partner = await factory.NewOrganisation("BI");
        var draft = await lead.Draft(call);

        var invited = await lead.Invite(draft.Id, partner);

        Assert.Contains(invited.Members, m => m.OrganisationId == partner.OrganisationId);
    }

    [Fact]
    public async Task Nothing_the_inviter_wrote_reaches_an_at_risk_partner_s_notification()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP", name: $"Lead that names itself {Guid.NewGuid():N}");
        var atRisk = await factory.NewOrganisation("BI", sensitive: true);
        var draft = await lead.Draft(call);

        await factory.InviteThroughSharedMember(lead, draft.Id, atRisk);

        var notice = Assert.Single(await atRisk.Client.Notifications(), n => n.Kind == "partner-invited");
        Assert.DoesNotContain(draft.Title, notice.Subject + notice.Body);
        Assert.DoesNotContain(lead.Organisation.Name, notice.Subject + notice.Body);
        Assert.Contains(call.Title, notice.Body);
    }
}
