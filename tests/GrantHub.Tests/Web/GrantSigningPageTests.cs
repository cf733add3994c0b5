using System.Net;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Grants;
using GrantHub.Core.Identity;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Web;

/// <summary>
/// The grant page's agreement section: who has signed the latest version and who is missing; an owner of the lead or
/// of a partner signs for her organisation, a programme officer for the funder.
/// </summary>
public class GrantSigningPageTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private static (string, string)[] SignForm(string sha256, Guid? organisationId) =>
        [("Sha256", sha256), ("Confirmed", "true"), ("SignFor", organisationId?.ToString() ?? "")];

    [Fact]
    public async Task The_lead_and_the_partner_owners_each_sign_for_their_own_organisation_and_the_grant_waits_for_the_funder()
    {
        var scenario = await factory.AwardGrant();
        var version = await factory.GenerateAgreement(scenario);
        var url = $"/grants/{scenario.GrantId}";

        var leadMember = await (await WebSession.SignedIn(factory, scenario.LeadMember.Email)).Read(url);
        Assert.DoesNotContain("signing-for", leadMember);

        var lead = await WebSession.SignedIn(factory, scenario.LeadOwner.Email);
        var leadPage = await lead.Read(url);
        Assert.Equal(version.Sha256, WebSession.TextOf(leadPage, "agreement-sha256"));
        Assert.Equal("You sign for Lead collective.", WebSession.TextOf(leadPage, "signing-for"));
        Assert.Equal(HttpStatusCode.Redirect, (await lead.Post($"{url}?handler=Sign", SignForm(version.Sha256, scenario.LeadOrganisationId))).StatusCode);

        var partner = await WebSession.SignedIn(factory, scenario.PartnerOwner.Email);
        var partnerPage = await partner.Read(url);
        Assert.Equal("You sign for Partner network.", WebSession.TextOf(partnerPage, "signing-for"));
        Assert.Contains("Lead collective: signed on", WebSession.TextOf(partnerPage, "agreement-signatures"));
        Assert.Contains("The funder: waiting for its signature", WebSession.TextOf(partnerPage, "agreement-signatures"));
        Assert.Equal(HttpStatusCode.Redirect, (await partner.Post($"{url}?handler=Sign", SignForm(version.Sha256, scenario.PartnerOrganisationId))).StatusCode);

        var grant = await factory.GetGrant(scenario);
        Assert.Equal(GrantStatus.AwaitingSignature, grant.Status);
        Assert.Equal([new MissingSignatureResponse(SigningParty.Funder, null)], grant.AgreementVersions.Single().MissingSignatures);
        Assert.DoesNotContain("signing-for", await lead.Read(url));
    }

    [Fact]
    public async Task The_officer_signs_for_the_funder_last_and_the_grant_becomes_active()
    {
        var scenario = await factory.AwardGrant();
        var version = await factory.GenerateAgreement(scenario);
        await (await scenario.LeadOwner.SignAgreement(scenario, version.Sha256, scenario.LeadOrganisationId)).ShouldBe(HttpStatusCode.OK);
        await (await scenario.PartnerOwner.SignAgreement(scenario, version.Sha256, scenario.PartnerOrganisationId)).ShouldBe(HttpStatusCode.OK);
        var officer = await WebSession.SignedIn(factory, GrantScenarios.OfficerEmail);
        var url = $"/grants/{scenario.GrantId}";

        Assert.Equal("You sign for The funder.", WebSession.TextOf(await officer.Read(url), "signing-for"));
        var unconfirmed = await WebSession.Html(await officer.Post($"{url}?handler=Sign", ("Sha256", version.Sha256), ("SignFor", "")));
        Assert.Equal("Tick the box to confirm that you sign this exact agreement.", WebSession.TextOf(unconfirmed, "Confirmed-error"));
        Assert.Equal(GrantStatus.AwaitingSignature, (await factory.GetGrant(scenario)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await officer.Post($"{url}?handler=Sign", SignForm(version.Sha256, null))).StatusCode);

        var page = await officer.Read(url);
        Assert.Equal("Active", WebSession.TextOf(page, "grant-status"));
        Assert.DoesNotContain("signing-for", page);
        Assert.Equal(GrantStatus.Active, (await factory.GetGrant(scenario)).Status);
    }

    [Fact]
    public async Task A_related_party_officer_is_told_on_the_page_why_she_cannot_sign_for_the_funder()
    {
        var scenario = await factory.AwardGrant();
        var version = await factory.GenerateAgreement(scenario);
        var related = await factory.NewStaffUser(Roles.ProgrammeOfficer);
        await factory.AddMember(scenario.PartnerOrganisationId, related.Id);
        var officer = await WebSession.SignedIn(factory, related.Email);
        var url = $"/grants/{scenario.GrantId}";
        await officer.Read(url);

        var refused = await officer.Post($"{url}?handler=Sign", SignForm(version.Sha256, null));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("You belong to an organisation concerned: another member of staff must act.", await WebSession.Html(refused));
        Assert.Empty((await factory.GetGrant(scenario)).AgreementVersions.Single().Signatures);
    }
}
