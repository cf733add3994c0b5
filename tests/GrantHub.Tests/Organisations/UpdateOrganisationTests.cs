using System.Net;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Organisations;

public class UpdateOrganisationTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task An_owner_edits_the_profile_and_the_edit_is_audited()
    {
        var owner = await factory.NewOrganisation("NP");
        var edit = Edit(owner.Organisation) with
        {
            Name = "  Nari Shanti Network  ", Country = "BI", Type = OrganisationType.Network, RegistrationNumber = "  ",
            AnnualBudget = 99_000.25m, WomenLed = false,
        };

        var updated = await (await owner.Client.PutJson($"/api/organisations/{owner.OrganisationId}", edit)).ReadAs<OrganisationResponse>();

        Assert.Equal(
            ("Nari Shanti Network", "BI", OrganisationType.Network, (string?)null, (decimal?)99_000.25m, false),
            (updated.Name, updated.Country, updated.Type, updated.RegistrationNumber, updated.AnnualBudget, updated.WomenLed));
        Assert.True(updated.Version > owner.Organisation.Version);
        Assert.Equal(updated.Name, (await (await owner.Client.GetAsync($"/api/organisations/{owner.OrganisationId}")).ReadAs<OrganisationResponse>()).Name);
        var payload = await AuditPayloadOf(owner.OrganisationId);
        Assert.DoesNotContain("Nari Shanti Network", payload);
        Assert.Contains("\"version\"", payload);
    }

    [Fact]
    public async Task A_member_who_is_not_an_owner_and_overseeing_staff_are_refused_and_an_outsider_finds_nothing()
    {
        var owner = await factory.NewOrganisation();
        var (member, _) = await factory.NewMemberOf(owner, MembershipRole.Member);
        var outsider = await factory.NewApplicant();
        var edit = Edit(owner.Organisation) with { Name = "Taken over" };
        var url = $"/api/organisations/{owner.OrganisationId}";

        await (await member.PutJson(url, edit)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Officer()).PutJson(url, edit)).ShouldBe(HttpStatusCode.Forbidden);
        await (await outsider.PutJson(url, edit)).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(owner.Organisation.Name, await NameOf(owner.OrganisationId));
    }

    [Theory]
    [InlineData("name", "", "NP", 100)]
    [InlineData("country", "Collective", "XX", 100)]
    [InlineData("annualBudget", "Collective", "NP", -1)]
    [InlineData("annualBudget", "Collective", "NP", 10.005)]
    public async Task An_invalid_profile_is_refused_as_at_registration_and_nothing_changes(string field, string name, string country, double annualBudget)
    {
        var owner = await factory.NewOrganisation();

        var response = await owner.Client.PutJson(
            $"/api/organisations/{owner.OrganisationId}",
            Edit(owner.Organisation) with { Name = name, Country = country, AnnualBudget = (decimal)annualBudget });

        await response.ShouldBeInvalid(field);
        Assert.Equal(owner.Organisation.Name, await NameOf(owner.OrganisationId));
    }

    [Fact]
    public async Task An_edit_without_the_version_it_started_from_is_refused()
    {
        var owner = await factory.NewOrganisation();

        var response = await owner.Client.PutJson($"/api/organisations/{owner.OrganisationId}", Edit(owner.Organisation) with { Version = null });

        await response.ShouldBeInvalid("version");
    }

    [Fact]
    public async Task An_edit_made_from_a_version_another_owner_has_since_changed_is_refused_and_changes_nothing()
    {
        var owner = await factory.NewOrganisation();
        var (coOwner, _) = await factory.NewMemberOf(owner, MembershipRole.Owner);
        var url = $"/api/organisations/{owner.OrganisationId}";
        var read = await (await owner.Client.GetAsync(url)).ReadAs<OrganisationResponse>();
        await (await coOwner.PutJson(url, Edit(read) with { Name = "Renamed by the co-owner" })).ShouldBe(HttpStatusCode.OK);

        var stale = await owner.Client.PutJson(url, Edit(read) with { Name = "Renamed from an old page" });

        await stale.ShouldBreakRule("organisation-changed");
        Assert.Equal("Renamed by the co-owner", await NameOf(owner.OrganisationId));
    }

    [Fact]
    public async Task Two_owners_saving_the_same_version_at_once_never_both_succeed()
    {
        var owner = await factory.NewOrganisation();
        var (coOwner, _) = await factory.NewMemberOf(owner, MembershipRole.Owner);
        var url = $"/api/organisations/{owner.OrganisationId}";
        var read = await (await owner.Client.GetAsync(url)).ReadAs<OrganisationResponse>();

        var responses = await Task.WhenAll(
            owner.Client.PutJson(url, Edit(read) with { Name = "First owner's name" }),
            coOwner.PutJson(url, Edit(read) with { Name = "Second owner's name" }));

        var statuses = responses.Select(r => r.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadAs<OrganisationResponse>();
        Assert.Equal(winner.Name, await NameOf(owner.OrganisationId));
    }

    [Fact]
    public async Task An_organisation_marked_at_risk_by_its_edit_is_audited_without_its_name_or_registration_number()
    {
        var owner = await factory.NewOrganisation(sensitive: false);
        var edit = Edit(owner.Organisation) with { Name = $"Safe House {Guid.NewGuid():N}", Sensitive = true };

        await (await owner.Client.PutJson($"/api/organisations/{owner.OrganisationId}", edit)).ShouldBe(HttpStatusCode.OK);

        var payload = await AuditPayloadOf(owner.OrganisationId);
        Assert.DoesNotContain(edit.Name, payload);
        Assert.DoesNotContain(edit.RegistrationNumber!, payload);
        Assert.Contains(AuditPayload.Redacted, payload);
    }

    [Fact]
    public async Task The_api_reference_documents_the_edit()
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJson();

        var put = document.GetProperty("paths").GetProperty("/api/organisations/{id}").GetProperty("put");

        Assert.True(put.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(put.GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(document.GetProperty("components").GetProperty("schemas").GetProperty("UpdateOrganisationRequest")
            .GetProperty("properties").TryGetProperty("version", out _));
    }

    private static UpdateOrganisationRequest Edit(OrganisationResponse organisation) => new(
        organisation.Name, organisation.Country, organisation.Type, organisation.RegistrationNumber, organisation.AnnualBudget,
        organisation.WomenLed, organisation.Sensitive, organisation.Version);

    private Task<string> NameOf(Guid organisationId) =>
        factory.WithDb(db => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync());

    private Task<string> AuditPayloadOf(Guid organisationId) =>
        factory.WithDb(db => db.AuditEntries.Where(a => a.ObjectId == organisationId && a.Command == "UpdateOrganisation").Select(a => a.Payload).SingleAsync());
}
