using System.Net;
using GrantHub.Api.Features.Organisations;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Organisations;

public class DueDiligenceTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Programme_officer_records_due_diligence_which_members_see_without_the_note()
    {
        var organisation = await factory.NewOrganisation("NP");
        var officer = await factory.Officer();

        var recorded = await (await officer.PostJson(
                $"/api/organisations/{organisation.OrganisationId}/due-diligence",
                new RecordDueDiligenceRequest(DueDiligenceStatus.Cleared, "Audited accounts 2024 and 2025 reviewed.")))
            .ReadAs<OrganisationResponse>();

        Assert.Equal(DueDiligenceStatus.Cleared, recorded.DueDiligence);
        Assert.Equal("Audited accounts 2024 and 2025 reviewed.", recorded.DueDiligenceNote);
        Assert.Equal(factory.StoredNow, recorded.DueDiligenceUpdatedAt);
        var seenByMember = await (await organisation.Client.GetAsync($"/api/organisations/{organisation.OrganisationId}")).ReadAs<OrganisationResponse>();
        Assert.Equal(DueDiligenceStatus.Cleared, seenByMember.DueDiligence);
        Assert.Null(seenByMember.DueDiligenceNote);
    }

    [Fact]
    public async Task A_failed_due_diligence_must_say_why()
    {
        var organisation = await factory.NewOrganisation("NP");
        var officer = await factory.Officer();

        var response = await officer.PostJson(
            $"/api/organisations/{organisation.OrganisationId}/due-diligence", new RecordDueDiligenceRequest(DueDiligenceStatus.Failed, " "));

        await response.ShouldBeInvalid("note");
    }

    [Fact]
    public async Task Unknown_status_is_refused()
    {
        var organisation = await factory.NewOrganisation("NP");
        var officer = await factory.Officer();

        var response = await officer.PostJson($"/api/organisations/{organisation.OrganisationId}/due-diligence", new { status = "Pending", note = "x" });

        await response.ShouldBeInvalid("status");
    }

    [Fact]
    public async Task Only_programme_officers_record_due_diligence()
    {
        var organisation = await factory.NewOrganisation("NP");
        var request = new RecordDueDiligenceRequest(DueDiligenceStatus.Cleared, null);

        foreach (var client in new[] { organisation.Client, await factory.Admin(), await factory.Reviewer(), await factory.Finance() })
        {
            await (await client.PostJson($"/api/organisations/{organisation.OrganisationId}/due-diligence", request)).ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Unknown_organisation_is_not_found()
    {
        var officer = await factory.Officer();

        var response = await officer.PostJson($"/api/organisations/{Guid.NewGuid()}/due-diligence", new RecordDueDiligenceRequest(DueDiligenceStatus.Cleared, null));

        await response.ShouldBe(HttpStatusCode.NotFound);
    }
}
