using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Grants;
using GrantHub.Core.Identity;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Grants;

public class AgreementTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Officer_generates_a_version_whose_pdf_is_served_with_its_sha256_as_etag()
    {
        var scenario = await factory.AwardGrant();
        var officer = await factory.Officer();

        var response = await officer.PostJson($"{scenario.Url}/agreement");
        var version = await response.ReadAs<AgreementVersionResponse>(HttpStatusCode.Created);
        var pdf = await scenario.LeadMember.Client.GetAsync($"{scenario.Url}/agreement");

        Assert.Equal(1, version.Version);
        Assert.Equal($"{scenario.Url}/agreement?version=1", response.Headers.Location?.OriginalString);
        await pdf.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"\"{version.Sha256}\"", pdf.Headers.ETag?.Tag);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.Equal(version.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var grant = await factory.GetGrant(scenario);
        var listed = Assert.Single(grant.AgreementVersions);
        Assert.Equal((version.Version, version.Sha256, version.GeneratedAt), (listed.Version, listed.Sha256, listed.GeneratedAt));
        Assert.Equal(3, version.MissingSignatures.Count);
    }

    [Fact]
    public async Task Agreement_unchanged_since_the_etag_is_not_sent_again()
    {
        var scenario = await factory.AwardGrant();
        var version = await factory.GenerateAgreement(scenario);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{scenario.Url}/agreement");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{version.Sha256}\""));

        var response = await scenario.LeadOwner.Client.SendAsync(request);

        await response.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Each_generation_is_a_new_version_and_older_ones_stay_readable()
    {
        var scenario = await factory.AwardGrant();

        var first = await factory.GenerateAgreement(scenario);
        var second = await factory.GenerateAgreement(scenario);

        Assert.Equal(2, second.Version);
        Assert.NotEqual(first.Sha256, second.Sha256);
        var latest = await scenario.LeadOwner.Client.GetAsync($"{scenario.Url}/agreement");
        Assert.Equal($"\"{second.Sha256}\"", latest.Headers.ETag?.Tag);
        var older = await scenario.LeadOwner.Client.GetAsync($"{scenario.Url}/agreement?version=1");
        Assert.Equal($"\"{first.Sha256}\"", older.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Every_party_is_told_the_agreement_waits_for_its_signature()
    {
        var scenario = await factory.AwardGrant();
        var generator = await factory.NewStaffUser(Roles.ProgrammeOfficer);

        await (await generator.Client.PostJson($"{scenario.Url}/agreement")).ShouldBe(HttpStatusCode.Created);

        Assert.Contains("grant-agreement-ready", await factory.NotificationKinds(scenario.LeadOwner.Id));
        Assert.Contains("grant-agreement-ready", await factory.NotificationKinds(scenario.LeadMember.Id));
        Assert.Contains("grant-agreement-ready", await factory.NotificationKinds(scenario.PartnerOwner.Id));
        Assert.Contains("grant-agreement-ready", await factory.NotificationKinds(await factory.UserId(GrantScenarios.OfficerEmail)));
        Assert.DoesNotContain("grant-agreement-ready", await factory.NotificationKinds(generator.Id));
        Assert.DoesNotContain("grant-agreement-ready", await factory.NotificationKinds(scenario.Stranger.Id));
    }

    [Fact]
    public async Task The_grant_is_not_active_until_the_last_party_signs_the_current_version()
    {
        var scenario = await factory.AwardGrant(startDate: factory.Today());
        var version = await factory.GenerateAgreement(scenario);

        var leadSigned = await (await scenario.LeadOwner.SignAgreement(scenario, version.Sha256.ToUpperInvariant(), scenario.LeadOrganisationId))
            .ReadAs<GrantResponse>();
        Assert.Equal(GrantStatus.AwaitingSignature, leadSigned.Status);
        Assert.Equal(
            [new MissingSignatureResponse(SigningParty.Partner, scenario.PartnerOrganisationId), new MissingSignatureResponse(SigningParty.Funder, null)],
            leadSigned.AgreementVersions.Single().MissingSignatures);

        var partnerSigned = await (await scenario.PartnerOwner.SignAgreement(scenario, version.Sha256, scenario.PartnerOrganisationId)).ReadAs<GrantResponse>();
        Assert.Equal(GrantStatus.AwaitingSignature, partnerSigned.Status);
        Assert.Null(partnerSigned.AgreementVersions.Single().SignedAt);
        Assert.All(partnerSigned.Tranches, t => Assert.Equal(TrancheStatus.Planned, t.Status));

        var grant = await (await (await factory.Officer()).PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest(version.Sha256))).ReadAs<GrantResponse>();

        Assert.Equal(GrantStatus.Active, grant.Status);
        var signed = grant.AgreementVersions.Single();
        Assert.Equal(factory.StoredNow, signed.SignedAt);
        Assert.Empty(signed.MissingSignatures);
        Assert.Equal(
            [(SigningParty.Lead, scenario.LeadOrganisationId), (SigningParty.Partner, scenario.PartnerOrganisationId), (SigningParty.Funder, (Guid?)null)],
            signed.Signatures.Select(s => (s.Party, s.OrganisationId)));
        Assert.Equal([TrancheStatus.Due, TrancheStatus.Planned, TrancheStatus.Planned], grant.Tranches.Select(t => t.Status));
        var persisted = await factory.WithDb(db => Task.FromResult(db.Tranches.Single(t => t.GrantId == scenario.GrantId && t.Number == 1).Status));
        Assert.Equal(TrancheStatus.Due, persisted);
    }

    [Fact]
    public async Task First_tranche_planned_in_the_future_is_not_due_on_signing()
    {
        var scenario = await factory.AwardGrant(startDate: factory.Today().AddDays(30));

        var grant = await factory.Activate(scenario);

        Assert.Equal(GrantStatus.Active, grant.Status);
        Assert.All(grant.Tranches, t => Assert.Equal(TrancheStatus.Planned, t.Status));
    }

    [Fact]
    public async Task A_new_version_voids_the_signatures_of_the_earlier_one()
    {
        var scenario = await factory.AwardGrant();
        var first = await factory.GenerateAgreement(scenario);
        await (await scenario.LeadOwner.SignAgreement(scenario, first.Sha256, scenario.LeadOrganisationId)).ShouldBe(HttpStatusCode.OK);
        await (await scenario.PartnerOwner.SignAgreement(scenario, first.Sha256, scenario.PartnerOrganisationId)).ShouldBe(HttpStatusCode.OK);

        var second = await factory.GenerateAgreement(scenario);

        await (await (await factory.Officer()).PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest(first.Sha256)))
            .ShouldBreakRule("agreement-hash-mismatch");
        var grant = await factory.GetGrant(scenario);
        Assert.Equal(GrantStatus.AwaitingSignature, grant.Status);
        var (voided, latest) = (grant.AgreementVersions[0], grant.AgreementVersions[1]);
        Assert.Equal((true, 2, 0), (voided.Voided, voided.Signatures.Count, voided.MissingSignatures.Count));
        Assert.Equal((false, 0, 3), (latest.Voided, latest.Signatures.Count, latest.MissingSignatures.Count));

        var active = await factory.SignByEveryParty(scenario, second.Sha256);
        Assert.Equal(GrantStatus.Active, active.Status);
        Assert.Null(active.AgreementVersions[0].SignedAt);
        Assert.NotNull(active.AgreementVersions[1].SignedAt);
    }

    [Fact]
    public async Task Signing_a_stale_version_after_a_regeneration_is_a_conflict()
    {
        var scenario = await factory.AwardGrant();
        var stale = await factory.GenerateAgreement(scenario);
        var latest = await factory.GenerateAgreement(scenario);

        await (await scenario.LeadOwner.SignAgreement(scenario, stale.Sha256, scenario.LeadOrganisationId)).ShouldBreakRule("agreement-hash-mismatch");

        Assert.Empty((await factory.GetGrant(scenario)).AgreementVersions.SelectMany(v => v.Signatures));
        await (await scenario.LeadOwner.SignAgreement(scenario, latest.Sha256, scenario.LeadOrganisationId)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_a_wrong_hash_is_a_conflict()
    {
        var scenario = await factory.AwardGrant();
        await factory.GenerateAgreement(scenario);

        await (await scenario.LeadOwner.SignAgreement(scenario, new string('0', 64), scenario.LeadOrganisationId)).ShouldBreakRule("agreement-hash-mismatch");
    }

    [Fact]
    public async Task A_hash_that_is_not_64_hex_characters_is_invalid()
    {
        var scenario = await factory.AwardGrant();
        await factory.GenerateAgreement(scenario);

        await (await scenario.LeadOwner.SignAgreement(scenario, "abc123", scenario.LeadOrganisationId)).ShouldBeInvalid("sha256");
    }

    [Fact]
    public async Task Nothing_can_be_signed_before_an_agreement_is_generated()
    {
        var scenario = await factory.AwardGrant();

        await (await scenario.LeadOwner.SignAgreement(scenario, new string('a', 64), scenario.LeadOrganisationId)).ShouldBreakRule("agreement-not-generated");
        await (await scenario.LeadOwner.Client.GetAsync($"{scenario.Url}/agreement")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_party_signs_a_version_once()
    {
        var scenario = await factory.AwardGrant();
        var version = await factory.GenerateAgreement(scenario);
        var officer = await factory.Officer();
        await (await scenario.LeadOwner.SignAgreement(scenario, version.Sha256, scenario.LeadOrganisationId)).ShouldBe(HttpStatusCode.OK);
        await (await officer.PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest(version.Sha256))).ShouldBe(HttpStatusCode.OK);

        await (await scenario.LeadOwner.SignAgreement(scenario, version.Sha256, scenario.LeadOrganisationId)).ShouldBreakRule("agreement-already-signed");
        await (await officer.PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest(version.Sha256))).ShouldBreakRule("agreement-already-signed");
        Assert.Equal(2, (await factory.GetGrant(scenario)).AgreementVersions.Single().Signatures.Count);
    }

    [Fact]
    public async Task Only_an_owner_of_an_organisation_signs_for_it()
    {
        var scenario = await factory.AwardGrant();
        var partnerMember = await factory.NewScenarioUser("partner-member");
        await factory.AddMember(scenario.PartnerOrganisationId, partnerMember.Id);
        var version = await factory.GenerateAgreement(scenario);

        await (await scenario.LeadMember.SignAgreement(scenario, version.Sha256, scenario.LeadOrganisationId)).ShouldBe(HttpStatusCode.Forbidden);
        await (await partnerMember.SignAgreement(scenario, version.Sha256, scenario.PartnerOrganisationId)).ShouldBe(HttpStatusCode.Forbidden);
        await (await scenario.PartnerOwner.SignAgreement(scenario, version.Sha256, scenario.LeadOrganisationId)).ShouldBe(HttpStatusCode.Forbidden);
        await (await scenario.LeadOwner.SignAgreement(scenario, version.Sha256, scenario.PartnerOrganisationId)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Officer()).PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest(version.Sha256, scenario.LeadOrganisationId)))
            .ShouldBe(HttpStatusCode.Forbidden);
        Assert.Empty((await factory.GetGrant(scenario)).AgreementVersions.Single().Signatures);
    }

    [Fact]
    public async Task Only_a_programme_officer_signs_for_the_funder()
    {
        var scenario = await factory.AwardGrant();
        var version = await factory.GenerateAgreement(scenario);

        await (await scenario.LeadOwner.SignAgreement(scenario, version.Sha256)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.NewStaffUser(Roles.FinanceOfficer)).SignAgreement(scenario, version.Sha256)).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Empty((await factory.GetGrant(scenario)).AgreementVersions.Single().Signatures);
    }

    [Fact]
    public async Task A_programme_officer_who_is_a_related_party_cannot_sign_for_the_funder()
    {
        var scenario = await factory.AwardGrant();
        var related = await factory.NewStaffUser(Roles.ProgrammeOfficer);
        await factory.AddMember(scenario.PartnerOrganisationId, related.Id);
        var version = await factory.GenerateAgreement(scenario);

        await (await related.SignAgreement(scenario, version.Sha256)).ShouldBreakRule("related-party");

        Assert.Empty((await factory.GetGrant(scenario)).AgreementVersions.Single().Signatures);
        await (await (await factory.NewStaffUser(Roles.ProgrammeOfficer)).SignAgreement(scenario, version.Sha256)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_organisation_outside_the_consortium_is_no_party_to_the_agreement()
    {
        var scenario = await factory.AwardGrant();
        var version = await factory.GenerateAgreement(scenario);
        var elsewhere = await factory.CreateOrganisation("Elsewhere collective", scenario.LeadOwner.Id);

        await (await scenario.LeadOwner.SignAgreement(scenario, version.Sha256, elsewhere)).ShouldBreakRule("agreement-not-a-party");
    }

    [Fact]
    public async Task Only_programme_officers_generate_agreements()
    {
        var scenario = await factory.AwardGrant();

        await (await (await factory.Finance()).PostJson($"{scenario.Url}/agreement")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Admin()).PostJson($"{scenario.Url}/agreement")).ShouldBe(HttpStatusCode.Forbidden);
    }
}
