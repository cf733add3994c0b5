using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Core.Applications;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;

namespace GrantHub.Tests.Web;

public class ConsentPagesTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task The_partnership_page_shows_the_partner_s_share_per_year_and_why_it_is_asked_again_and_confirms_what_it_showed()
    {
        var consortium = await factory.ReadyConsortium();
        var (lead, partner) = (consortium.Lead, consortium.Partner);
        await lead.Budget(
            consortium.Id,
            new BudgetLineInput(lead.OrganisationId, 1, 50_000m), new BudgetLineInput(lead.OrganisationId, 2, 30_000m),
            new BudgetLineInput(partner.OrganisationId, 1, 12_000m), new BudgetLineInput(partner.OrganisationId, 2, 10_000m));
        var session = await WebSession.SignedIn(factory, partner.Email);
        var url = $"/applications/{consortium.Id}/partnership/{partner.OrganisationId}";

        var page = await session.Read(url);

        var share = WebSession.TextOf(page, "my-share");
        Assert.Contains("Year 1", share);
        Assert.Contains("12,000.00", share);
        Assert.Contains("Year 2", share);
        Assert.Contains("22,000.00", share);
        Assert.Contains("Year 1: 10,000.00 EUR → 12,000.00 EUR", WebSession.TextOf(page, "share-changed"));
        var shown = (await partner.Client.Get(consortium.Id)).Members.Single(m => m.OrganisationId == partner.OrganisationId).BudgetFingerprint;
        Assert.Contains($"value=\"{shown}\"", page);

        await lead.Budget(
            consortium.Id,
            new BudgetLineInput(lead.OrganisationId, 1, 50_000m), new BudgetLineInput(lead.OrganisationId, 2, 30_000m),
            new BudgetLineInput(partner.OrganisationId, 1, 14_000m));
        var stale = await session.Post($"{url}?handler=Confirm", ("BudgetFingerprint", shown));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var refused = await WebSession.Html(stale);
        Assert.Contains("changed after you read it", refused);
        Assert.Contains("14,000.00", WebSession.TextOf(refused, "my-share"));
        Assert.Equal(ConsortiumMemberStatus.Invited, (await partner.Client.Get(consortium.Id)).Members.Single(m => m.OrganisationId == partner.OrganisationId).Status);

        var current = (await partner.Client.Get(consortium.Id)).Members.Single(m => m.OrganisationId == partner.OrganisationId).BudgetFingerprint;
        var confirmed = await session.Post($"{url}?handler=Confirm", ("BudgetFingerprint", current));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(ConsortiumMemberStatus.Confirmed, (await partner.Client.Get(consortium.Id)).Members.Single(m => m.OrganisationId == partner.OrganisationId).Status);
    }

    [Fact]
    public async Task The_lead_s_checklist_names_the_partner_waiting_and_why()
    {
        var consortium = await factory.ReadyConsortium();
        await consortium.Lead.Budget(
            consortium.Id,
            new BudgetLineInput(consortium.Lead.OrganisationId, 1, 80_000m),
            new BudgetLineInput(consortium.Partner.OrganisationId, 1, 25_000m));

        var page = await (await WebSession.SignedIn(factory, consortium.Lead.Email)).Read($"/applications/{consortium.Id}");

        var waiting = WebSession.TextOf(page, "waiting-partners");
        Assert.Contains(consortium.Partner.Organisation.Name, waiting);
        Assert.Contains("Year 1: 10,000.00 EUR → 25,000.00 EUR", waiting);
        Assert.Contains("Year 2: 10,000.00 EUR → none", waiting);
    }

    [Fact]
    public async Task The_host_s_owner_reads_the_request_and_consents_in_french_and_a_member_may_only_read()
    {
        var call = await factory.OpenCall();
        var group = await factory.NewUnregisteredGroup();
        var host = await factory.NewOrganisation("BI");
        var (hostMember, hostMemberEmail) = await factory.NewMemberOf(host, MembershipRole.Member);
        var draft = await group.Draft(call);
        await group.Budget(draft.Id, new BudgetLineInput(group.OrganisationId, 1, 60_000m));
        var leadSession = await WebSession.SignedIn(factory, group.Email);
        Assert.Contains("handler=NameFiscalHost", await leadSession.Read($"/applications/{draft.Id}"));
        var leadPage = await leadSession.Post(
            $"/applications/{draft.Id}?handler=NameFiscalHost", ("FiscalHostOrganisationId", host.OrganisationId.ToString()), ("FiscalHostFeePercent", "7,5"));
        Assert.Equal(HttpStatusCode.Redirect, leadPage.StatusCode);
        var url = $"/applications/{draft.Id}/fiscal-host";

        var memberPage = await (await WebSession.SignedIn(factory, hostMemberEmail)).Read(url);
        Assert.DoesNotContain("handler=Consent", memberPage);
        var owner = await WebSession.SignedIn(factory, host.Email, language: "fr");
        var ownerPage = await owner.Read(url);
        Assert.Contains("7,5 % de chaque paiement reçu", WebSession.TextOf(ownerPage, "host-fee"));
        Assert.Contains("En attente de la réponse de l'hôte", WebSession.TextOf(ownerPage, "host-answer"));
        Assert.Contains("handler=Consent", ownerPage);

        var consented = await owner.Post($"{url}?handler=Consent", ("FeePercent", "7.5"));

        Assert.Equal(HttpStatusCode.Redirect, consented.StatusCode);
        Assert.Equal(FiscalHostConsent.Consented, (await group.Client.Get(draft.Id)).FiscalHost!.Consent);
        Assert.Contains("Accepté", WebSession.TextOf(await owner.Read(url), "host-answer"));
        await (await hostMember.PostJson($"/api/applications/{draft.Id}/fiscal-host/decline")).ShouldBe(HttpStatusCode.Forbidden);
    }
}
