using System.Net;
using System.Text;
using System.Text.Json;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Features.Organisations;
using GrantHub.Core.Applications;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.OpenData;
using GrantHub.Tests.Organisations;
using GrantHub.Tests.Reviews;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace GrantHub.Tests.Applications;

public class FiscalHostTests(OpenDataFactory factory) : IClassFixture<OpenDataFactory>
{
    [Fact]
    public async Task A_fiscal_host_without_consent_blocks_submission_and_its_owner_s_consent_unblocks_it()
    {
        var (group, host, application, _) = await GroupReadyToSubmit();

        var named = await group.NameHost(application.Id, host, 7.5m);

        Assert.Equal((host.OrganisationId, host.Organisation.Name, 7.5m, FiscalHostConsent.Requested), (named.FiscalHost!.OrganisationId, named.FiscalHost.OrganisationName, named.FiscalHost.FeePercent, named.FiscalHost.Consent));
        var asked = Assert.Single(await host.Client.Notifications(), n => n.Kind == "fiscal-host-requested");
        Assert.Equal($"/applications/{application.Id}/fiscal-host", asked.Link);
        Assert.Contains("7.5 %", asked.Body);
        await (await group.Client.Submit(application.Id)).ShouldBreakRule("fiscal-host-not-consented");
        var checklist = await (await group.Client.GetAsync($"/api/applications/{application.Id}/checklist")).ReadAs<SubmissionChecklistResponse>();
        Assert.Equal(["fiscal-host-not-consented"], checklist.Unmet.Select(r => r.Rule));

        var request = await (await host.Client.GetAsync($"/api/applications/{application.Id}/fiscal-host")).ReadAs<FiscalHostRequestResponse>();
        Assert.Equal((application.Title, group.Organisation.Name, 7.5m, 100_000m, FiscalHostConsent.Requested, true), (request.ApplicationTitle, request.LeadOrganisationName, request.FeePercent, request.RequestedTotal, request.Consent, request.CanAnswer));
        await (await host.Client.GetAsync($"/api/applications/{application.Id}")).ShouldBe(HttpStatusCode.NotFound);
        var consented = await (await host.Client.PostJson($"/api/applications/{application.Id}/fiscal-host/consent", new ConsentAsFiscalHostRequest(7.5m)))
            .ReadAs<FiscalHostRequestResponse>();
        Assert.Equal((FiscalHostConsent.Consented, factory.StoredNow), (consented.Consent, consented.AnsweredAt));

        var submitted = await (await group.Client.Submit(application.Id)).ReadAs<ApplicationResponse>();
        Assert.Equal((ApplicationStatus.Submitted, FiscalHostConsent.Consented), (submitted.Status, submitted.FiscalHost!.Consent));
        await (await host.Client.PostJson($"/api/applications/{application.Id}/fiscal-host/decline")).ShouldBreakRule("application-not-editable");
    }

    [Fact]
    public async Task Only_the_host_s_owners_answer_and_a_new_fee_or_host_asks_again()
    {
        var (group, host, application, _) = await GroupReadyToSubmit();
        var (hostMember, _) = await factory.NewMemberOf(host, MembershipRole.Member);
        var stranger = await factory.NewOrganisation();
        await group.NameHost(application.Id, host, 5m);

        await (await hostMember.PostJson($"/api/applications/{application.Id}/fiscal-host/consent")).ShouldBe(HttpStatusCode.Forbidden);
        await (await group.Client.PostJson($"/api/applications/{application.Id}/fiscal-host/consent")).ShouldBe(HttpStatusCode.Forbidden);
        await (await stranger.Client.GetAsync($"/api/applications/{application.Id}/fiscal-host")).ShouldBe(HttpStatusCode.NotFound);
        await (await host.Client.PostJson($"/api/applications/{application.Id}/fiscal-host/consent")).ShouldBe(HttpStatusCode.OK);

        var renamed = await group.NameHost(application.Id, host, 6.25m);
        Assert.Equal((FiscalHostConsent.Requested, (DateTimeOffset?)null), (renamed.FiscalHost!.Consent, renamed.FiscalHost.AnsweredAt));
        await (await host.Client.PostJson($"/api/applications/{application.Id}/fiscal-host/consent", new ConsentAsFiscalHostRequest(5m)))
            .ShouldBreakRule("fiscal-host-terms-changed");
        await (await host.Client.PostJson($"/api/applications/{application.Id}/fiscal-host/consent", new ConsentAsFiscalHostRequest(6.25m))).ShouldBe(HttpStatusCode.OK);

        var otherHost = await factory.NewOrganisation("BI");
        var moved = await group.NameHost(application.Id, otherHost, 6.25m);
        Assert.Equal((otherHost.OrganisationId, FiscalHostConsent.Requested), (moved.FiscalHost!.OrganisationId, moved.FiscalHost.Consent));
        await (await host.Client.GetAsync($"/api/applications/{application.Id}/fiscal-host")).ShouldBe(HttpStatusCode.NotFound);
        await (await otherHost.Client.PostJson($"/api/applications/{application.Id}/fiscal-host/decline")).ShouldBe(HttpStatusCode.OK);
        await (await group.Client.Submit(application.Id)).ShouldBreakRule("fiscal-host-not-consented");

        var removed = await (await group.Client.DeleteAsync($"/api/applications/{application.Id}/fiscal-host")).ReadAs<ApplicationResponse>();
        Assert.Null(removed.FiscalHost);
        await (await group.Client.Submit(application.Id)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_host_must_be_registered_outside_the_consortium_and_not_failed_and_only_an_unregistered_lead_may_use_one()
    {
        var (group, host, application, _) = await GroupReadyToSubmit();
        var consortium = await factory.ReadyConsortium();
        var unregistered = await factory.NewUnregisteredGroup();
        var failed = await factory.NewOrganisation();
        var atRisk = await factory.NewOrganisation(sensitive: true);
        var officer = await factory.Officer();
        await (await officer.PostJson($"/api/organisations/{failed.OrganisationId}/due-diligence", new RecordDueDiligenceRequest(DueDiligenceStatus.Failed, "Unresolved audit findings.")))
            .ShouldBe(HttpStatusCode.OK);
        var partnerId = application.Members.Single(m => m.Role == ConsortiumRole.Partner).OrganisationId;

        await (await consortium.Lead.Client.PutJson($"/api/applications/{consortium.Id}/fiscal-host", new NameFiscalHostRequest(host.OrganisationId, 5m)))
            .ShouldBreakRule("fiscal-host-for-registered-lead");
        await (await group.Client.PutJson($"/api/applications/{application.Id}/fiscal-host", new NameFiscalHostRequest(unregistered.OrganisationId, 5m)))
            .ShouldBreakRule("fiscal-host-unregistered");
        await (await group.Client.PutJson($"/api/applications/{application.Id}/fiscal-host", new NameFiscalHostRequest(partnerId, 5m)))
            .ShouldBreakRule("fiscal-host-in-consortium");
        await (await group.Client.PutJson($"/api/applications/{application.Id}/fiscal-host", new NameFiscalHostRequest(failed.OrganisationId, 5m)))
            .ShouldBreakRule("fiscal-host-due-diligence-failed");
        await (await group.Client.PutJson($"/api/applications/{application.Id}/fiscal-host", new NameFiscalHostRequest(atRisk.OrganisationId, 5m)))
            .ShouldBeInvalid("organisationId");
        await (await group.Client.PutJson($"/api/applications/{application.Id}/fiscal-host", new NameFiscalHostRequest(host.OrganisationId, 15.01m)))
            .ShouldBeInvalid("feePercent");
        await (await group.Client.PutJson($"/api/applications/{application.Id}/fiscal-host", new NameFiscalHostRequest(host.OrganisationId, 2.505m)))
            .ShouldBeInvalid("feePercent");
        await (await group.Client.PutJson($"/api/applications/{application.Id}/fiscal-host", new NameFiscalHostRequest(host.OrganisationId, -1m)))
            .ShouldBeInvalid("feePercent");
        Assert.Null((await group.Client.Get(application.Id)).FiscalHost);

        await group.NameHost(application.Id, host, 15m);
        await (await host.Client.PostJson($"/api/applications/{application.Id}/fiscal-host/consent")).ShouldBe(HttpStatusCode.OK);
        await (await officer.PostJson($"/api/organisations/{host.OrganisationId}/due-diligence", new RecordDueDiligenceRequest(DueDiligenceStatus.Failed, "Funds diverted.")))
            .ShouldBe(HttpStatusCode.OK);
        await (await group.Client.Submit(application.Id)).ShouldBreakRule("fiscal-host-due-diligence-failed");
    }

    [Fact]
    public async Task An_award_carries_the_host_and_its_fee_into_the_grant_the_agreement_and_the_exports_but_never_for_a_group_at_risk()
    {
        var call = await factory.OpenCall();
        var (group, host, application, partner) = await GroupReadyToSubmit(call);
        var (atRiskGroup, atRiskHost, atRiskApplication, atRiskPartner) = await GroupReadyToSubmit(call, sensitiveGroup: true);
        foreach (var (lead, theHost, id) in new[] { (group, host, application.Id), (atRiskGroup, atRiskHost, atRiskApplication.Id) })
        {
            await lead.NameHost(id, theHost, 7.5m);
            await (await theHost.Client.PostJson($"/api/applications/{id}/fiscal-host/consent")).ShouldBe(HttpStatusCode.OK);
            await (await lead.Client.Submit(id)).ShouldBe(HttpStatusCode.OK);
        }

        await factory.CloseCall(call.Id);
        var officer = await factory.Officer();
        var start = factory.Today().AddMonths(1);
        var grantIds = new List<Guid>();
        foreach (var id in new[] { application.Id, atRiskApplication.Id })
        {
            var decision = await (await officer.Decide(id, ReviewTestData.Award(90_000m, start, overrideJustification: "Panel met in person."))).ReadAs<DecisionResponse>();
            grantIds.Add(decision.GrantId!.Value);
        }

        var grant = await (await officer.GetAsync($"/api/grants/{grantIds[0]}")).ReadAs<GrantResponse>();
        Assert.Equal((host.OrganisationId, 7.5m, 6_750m), (grant.FiscalHost!.OrganisationId, grant.FiscalHost.FeePercent, grant.FiscalHost.FeeAmount));
        Assert.Equal(group.OrganisationId, grant.LeadOrganisationId);

        foreach (var (lead, consortiumPartner, grantId) in new[] { (group, partner, grantIds[0]), (atRiskGroup, atRiskPartner, grantIds[1]) })
        {
            var version = await (await officer.PostJson($"/api/grants/{grantId}/agreement")).ReadAs<AgreementVersionResponse>(HttpStatusCode.Created);
            await (await lead.Client.PostJson($"/api/grants/{grantId}/agreement/sign", new SignAgreementRequest(version.Sha256, lead.OrganisationId))).ShouldBe(HttpStatusCode.OK);
            await (await consortiumPartner.Client.PostJson($"/api/grants/{grantId}/agreement/sign", new SignAgreementRequest(version.Sha256, consortiumPartner.OrganisationId))).ShouldBe(HttpStatusCode.OK);
            await (await officer.PostJson($"/api/grants/{grantId}/agreement/sign", new SignAgreementRequest(version.Sha256))).ShouldBe(HttpStatusCode.OK);
        }

        var pdf = await (await group.Client.GetAsync($"/api/grants/{grantIds[0]}/agreement")).Content.ReadAsByteArrayAsync();
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join(" ", string.Join(" ", document.GetPages().Select(page => ContentOrderTextExtractor.GetText(page))).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("Fiscal host", text);
            Assert.Contains($"{host.Organisation.Name} (NP, registration number {host.Organisation.RegistrationNumber}) acts as fiscal host for {group.Organisation.Name}", text);
            Assert.Contains("less a fee of 7.5 % of each payment received (EUR 6,750.00 on the whole grant)", text);
        }

        var iati = await Download("/api/open-data/iati.xml");
        Assert.Empty(OfficialSchemas.ValidateIati(iati));
        var hostOrg = ExportedFiles.Iati(iati).Descendants("participating-org")
            .Single(o => o.Attribute("ref")?.Value == $"{OpenDataIdentifierPrefix}-ORG-{host.OrganisationId}");
        Assert.Equal("2", hostOrg.Attribute("role")!.Value);
        Assert.Contains(host.Organisation.Name, hostOrg.Value);
        var giving = await Download("/api/open-data/360giving.json");
        Assert.Empty(OfficialSchemas.Validate360Giving(Encoding.UTF8.GetString(giving)));
        using var package = JsonDocument.Parse(giving);
        var hosted = package.RootElement.GetProperty("grants").EnumerateArray()
            .Single(g => g.TryGetProperty("fiscalHost", out var fiscalHost) && fiscalHost.GetProperty("id").GetString() == $"{OpenDataIdentifierPrefix}-ORG-{host.OrganisationId}");
        Assert.Equal((host.Organisation.Name, 7.5m), (hosted.GetProperty("fiscalHost").GetProperty("name").GetString(), hosted.GetProperty("fiscalHost").GetProperty("feePercent").GetDecimal()));

        var csv = Encoding.UTF8.GetString(await Download("/api/open-data/360giving.csv"));
        var csvLines = csv.Split("\r\n");
        Assert.EndsWith(",fiscalHost/id,fiscalHost/name,fiscalHost/feePercent", csvLines[0]);
        Assert.Contains(csvLines, line => line.EndsWith($",{OpenDataIdentifierPrefix}-ORG-{host.OrganisationId},{host.Organisation.Name},7.5", StringComparison.Ordinal));
        var everything = Encoding.UTF8.GetString(iati) + Encoding.UTF8.GetString(giving) + csv;
        Assert.DoesNotContain(atRiskHost.Organisation.Name, everything);
        Assert.DoesNotContain(atRiskHost.OrganisationId.ToString(), everything);
        Assert.DoesNotContain(atRiskGroup.Organisation.Name, everything);
    }

    [Fact]
    public async Task A_named_fiscal_host_cannot_then_be_invited_into_the_consortium()
    {
        var (group, host, application, _) = await GroupReadyToSubmit();
        await group.NameHost(application.Id, host, 5m);

        await (await group.Client.PostJson($"/api/applications/{application.Id}/partners", new InvitePartnerRequest(host.OrganisationId)))
            .ShouldBreakRule("fiscal-host-in-consortium");
    }

    [Fact]
    public async Task A_grant_through_a_fiscal_host_is_paid_to_the_host_and_the_partner_is_still_owed_its_share()
    {
        var call = await factory.OpenCall();
        var (group, host, application, partner) = await GroupReadyToSubmit(call);
        await group.NameHost(application.Id, host, 5m);
        await (await host.Client.PostJson($"/api/applications/{application.Id}/fiscal-host/consent")).ShouldBe(HttpStatusCode.OK);
        await (await group.Client.Submit(application.Id)).ShouldBe(HttpStatusCode.OK);
        await factory.CloseCall(call.Id);
        var officer = await factory.Officer();
        var decision = await (await officer.Decide(application.Id, ReviewTestData.Award(90_000m, factory.Today(), overrideJustification: "Panel met in person.")))
            .ReadAs<DecisionResponse>();
        var grantUrl = $"/api/grants/{decision.GrantId}";
        var version = await (await officer.PostJson($"{grantUrl}/agreement")).ReadAs<AgreementVersionResponse>(HttpStatusCode.Created);
        await (await group.Client.PostJson($"{grantUrl}/agreement/sign", new SignAgreementRequest(version.Sha256, group.OrganisationId))).ShouldBe(HttpStatusCode.OK);
        await (await partner.Client.PostJson($"{grantUrl}/agreement/sign", new SignAgreementRequest(version.Sha256, partner.OrganisationId))).ShouldBe(HttpStatusCode.OK);
        await (await officer.PostJson($"{grantUrl}/agreement/sign", new SignAgreementRequest(version.Sha256))).ShouldBe(HttpStatusCode.OK);

        var grant = await (await officer.GetAsync(grantUrl)).ReadAs<GrantResponse>();
        Assert.All(grant.Tranches, t => Assert.Equal(host.OrganisationId, t.PayeeOrganisationId));
        var finance = await factory.Finance();
        var queued = Assert.Single((await (await finance.GetAsync("/api/finance/queue")).ReadAs<GrantHub.Api.Features.Finance.FinanceQueueResponse>()).AwaitingDecision,
            i => i.Id == grant.Id);
        Assert.Equal(host.OrganisationId, queued.OrganisationId);
        Assert.Equal(host.Organisation.Name, queued.OrganisationName);

        var (hostFinance, hostFinanceId) = await factory.NewStaff(GrantHub.Core.Identity.Roles.FinanceOfficer);
        await factory.AddMember(host.OrganisationId, hostFinanceId);
        await (await hostFinance.PostJson($"{grantUrl}/tranches/1/approvals", new TrancheApprovalRequest(GrantHub.Core.Common.ApprovalDecision.Approve, null)))
            .ShouldBreakRule("related-party");

        var approvers = new[] { finance, await factory.Finance2() }.Take(queued.RequiredApprovals);
        foreach (var approver in approvers)
        {
            await (await approver.PostJson($"{grantUrl}/tranches/1/approvals", new TrancheApprovalRequest(GrantHub.Core.Common.ApprovalDecision.Approve, null)))
                .ShouldBe(HttpStatusCode.OK);
        }

        await (await finance.PostJson($"{grantUrl}/tranches/1/payment", new TranchePaymentRequest("BANK-HOST-1", factory.Today()))).ShouldBe(HttpStatusCode.OK);
        var transfers = await (await officer.GetAsync($"{grantUrl}/transfers")).ReadAs<GrantOnwardTransfersResponse>();
        var owed = Assert.Single(transfers.Items);
        Assert.Equal((1, partner.OrganisationId), (owed.TrancheNumber, owed.PartnerOrganisationId));
        Assert.True(owed.Expected > 0);
    }

    private const string OpenDataIdentifierPrefix = "360G-granthub";

    private async Task<byte[]> Download(string url)
    {
        var response = await (await factory.Officer()).GetAsync(url);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>An unregistered group with a confirmed partner and a 100,000 EUR budget, and a registered organisation to host it.</summary>
    private async Task<(Applicant Group, Applicant Host, ApplicationResponse Application, Applicant Partner)> GroupReadyToSubmit(
        Api.Features.Calls.CallResponse? call = null, bool sensitiveGroup = false)
    {
        call ??= await factory.OpenCall();
        var group = await factory.NewUnregisteredGroup(sensitive: sensitiveGroup);
        var partner = await factory.NewOrganisation("BI");
        var host = await factory.NewOrganisation("NP");
        var application = await group.Draft(call);
        await group.Invite(application.Id, partner);
        await group.Budget(
            application.Id,
            new BudgetLineInput(group.OrganisationId, 1, 80_000m),
            new BudgetLineInput(partner.OrganisationId, 1, 20_000m));
        application = await partner.Confirm(application.Id);
        return (group, host, application, partner);
    }
}

public static class FiscalHostTestData
{
    /// <summary>A women's group without a registration number, and its owner's account.</summary>
    public static async Task<Applicant> NewUnregisteredGroup(this GrantHubFactory factory, string country = "NP", bool sensitive = false)
    {
        var email = $"group-{Guid.NewGuid():N}@example.org";
        var client = await factory.NewApplicant(email);
        var organisation = await (await client.PostJson("/api/organisations", OrganisationTestData.OrganisationInput(country, sensitive) with { RegistrationNumber = null }))
            .ReadAs<OrganisationResponse>(HttpStatusCode.Created);
        return new Applicant(client, email, organisation);
    }

    public static async Task<ApplicationResponse> NameHost(this Applicant lead, Guid applicationId, Applicant host, decimal feePercent) =>
        await (await lead.Client.PutJson($"/api/applications/{applicationId}/fiscal-host", new NameFiscalHostRequest(host.OrganisationId, feePercent)))
            .ReadAs<ApplicationResponse>();
}
