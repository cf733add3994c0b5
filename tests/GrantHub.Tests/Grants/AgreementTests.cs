using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Grants;
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
        Assert.Equal(version, Assert.Single(grant.AgreementVersions));
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
    public async Task Lead_organisation_members_are_told_the_agreement_is_ready_to_sign()
    {
        var scenario = await factory.AwardGrant();

        await factory.GenerateAgreement(scenario);

        Assert.Contains("grant-agreement-ready", await factory.NotificationKinds(scenario.LeadOwner.Id));
        Assert.Contains("grant-agreement-ready", await factory.NotificationKinds(scenario.LeadMember.Id));
        Assert.DoesNotContain("grant-agreement-ready", await factory.NotificationKinds(scenario.PartnerOwner.Id));
    }

    [Fact]
    public async Task Lead_owner_signing_the_latest_hash_activates_the_grant_and_the_first_tranche_falls_due()
    {
        var scenario = await factory.AwardGrant(startDate: factory.Today());
        var version = await factory.GenerateAgreement(scenario);

        var grant = await (await scenario.LeadOwner.Client.PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest(version.Sha256.ToUpperInvariant())))
            .ReadAs<GrantResponse>();

        Assert.Equal(GrantStatus.Active, grant.Status);
        Assert.Equal(factory.StoredNow, grant.AgreementVersions.Single().SignedAt);
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
    public async Task Signing_a_stale_version_after_a_regeneration_is_a_conflict()
    {
        var scenario = await factory.AwardGrant();
        var stale = await factory.GenerateAgreement(scenario);
        var latest = await factory.GenerateAgreement(scenario);

        await (await scenario.LeadOwner.Client.PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest(stale.Sha256)))
            .ShouldBreakRule("agreement-hash-mismatch");

        Assert.Equal(GrantStatus.AwaitingSignature, (await factory.GetGrant(scenario)).Status);
        await (await scenario.LeadOwner.Client.PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest(latest.Sha256)))
            .ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_a_wrong_hash_is_a_conflict()
    {
        var scenario = await factory.AwardGrant();
        await factory.GenerateAgreement(scenario);

        await (await scenario.LeadOwner.Client.PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest(new string('0', 64))))
            .ShouldBreakRule("agreement-hash-mismatch");
    }

    [Fact]
    public async Task A_hash_that_is_not_64_hex_characters_is_invalid()
    {
        var scenario = await factory.AwardGrant();
        await factory.GenerateAgreement(scenario);

        await (await scenario.LeadOwner.Client.PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest("abc123")))
            .ShouldBeInvalid("sha256");
    }

    [Fact]
    public async Task Nothing_can_be_signed_before_an_agreement_is_generated()
    {
        var scenario = await factory.AwardGrant();

        await (await scenario.LeadOwner.Client.PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest(new string('a', 64))))
            .ShouldBreakRule("agreement-not-generated");
        await (await scenario.LeadOwner.Client.GetAsync($"{scenario.Url}/agreement")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_signed_version_cannot_be_signed_again()
    {
        var scenario = await factory.AwardGrant();
        var version = await factory.GenerateAgreement(scenario);
        await (await scenario.LeadOwner.Client.PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest(version.Sha256))).ShouldBe(HttpStatusCode.OK);

        await (await scenario.LeadOwner.Client.PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest(version.Sha256)))
            .ShouldBreakRule("agreement-already-signed");
    }

    [Fact]
    public async Task Consortium_members_who_are_not_owners_of_the_lead_and_staff_may_not_sign()
    {
        var scenario = await factory.AwardGrant();
        var version = await factory.GenerateAgreement(scenario);
        var sign = new SignAgreementRequest(version.Sha256);

        await (await scenario.LeadMember.Client.PostJson($"{scenario.Url}/agreement/sign", sign)).ShouldBe(HttpStatusCode.Forbidden);
        await (await scenario.PartnerOwner.Client.PostJson($"{scenario.Url}/agreement/sign", sign)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Officer()).PostJson($"{scenario.Url}/agreement/sign", sign)).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(GrantStatus.AwaitingSignature, (await factory.GetGrant(scenario)).Status);
    }

    [Fact]
    public async Task Only_programme_officers_generate_agreements()
    {
        var scenario = await factory.AwardGrant();

        await (await (await factory.Finance()).PostJson($"{scenario.Url}/agreement")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Admin()).PostJson($"{scenario.Url}/agreement")).ShouldBe(HttpStatusCode.Forbidden);
    }
}
