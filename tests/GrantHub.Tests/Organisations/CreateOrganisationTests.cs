using GrantHub.Core.Common;
using System.Net;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Organisations;

public class CreateOrganisationTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Any_signed_in_user_registers_an_organisation_and_becomes_its_owner()
    {
        var email = $"founder-{Guid.NewGuid():N}@example.org";
        var client = await factory.NewApplicant(email);

        var response = await client.PostJson("/api/organisations", new CreateOrganisationCommand(
            "  Mujeres Tejiendo Paz  ", "CO", OrganisationType.Network, null, 85_000.75m, WomenLed: true, Sensitive: false));

        var organisation = await response.ReadAs<OrganisationResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/organisations/{organisation.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Mujeres Tejiendo Paz", organisation.Name);
        Assert.Null(organisation.RegistrationNumber);
        Assert.Equal(85_000.75m, organisation.AnnualBudget);
        Assert.Equal(DueDiligenceStatus.NotStarted, organisation.DueDiligence);
        var owner = Assert.Single(organisation.Members);
        Assert.Equal((email, MembershipRole.Owner), (owner.Email, owner.Role));
        var stored = await factory.WithDb(db => db.Organisations.SingleAsync(o => o.Id == organisation.Id));
        Assert.Equal(new Money(8_500_075, "USD"), stored.AnnualBudget);
    }

    [Fact]
    public async Task The_annual_budget_is_optional()
    {
        var client = await factory.NewApplicant();

        var organisation = await (await client.PostJson("/api/organisations", new CreateOrganisationCommand(
            "Unregistered Sisters", "BI", OrganisationType.CommunityGroup, null, null, WomenLed: true, Sensitive: false)))
            .ReadAs<OrganisationResponse>(HttpStatusCode.Created);

        Assert.Null(organisation.AnnualBudget);
    }

    [Fact]
    public async Task Every_organisation_is_audited_without_its_name_so_hiding_it_later_leaves_no_name_in_the_chain()
    {
        var client = await factory.NewApplicant();
        var input = OrganisationTestData.OrganisationInput("KE", sensitive: false, name: $"Open Sisters Network {Guid.NewGuid():N}");

        var organisation = await (await client.PostJson("/api/organisations", input)).ReadAs<OrganisationResponse>(HttpStatusCode.Created);

        var payload = await AuditPayloadOf(organisation.Id);
        Assert.DoesNotContain(input.Name, payload);
        Assert.DoesNotContain(input.RegistrationNumber!, payload);
        Assert.Contains("\"country\":\"KE\"", payload);
    }

    [Fact]
    public async Task An_organisation_at_risk_is_audited_without_its_name_or_registration_number()
    {
        var client = await factory.NewApplicant();
        var input = OrganisationTestData.OrganisationInput("SD", sensitive: true, name: $"Safe House Collective {Guid.NewGuid():N}");

        var organisation = await (await client.PostJson("/api/organisations", input)).ReadAs<OrganisationResponse>(HttpStatusCode.Created);

        var payload = await AuditPayloadOf(organisation.Id);
        Assert.DoesNotContain(input.Name, payload);
        Assert.DoesNotContain(input.RegistrationNumber!, payload);
        Assert.Contains(AuditPayload.Redacted, payload);
        Assert.Contains("\"country\":\"SD\"", payload);
    }

    [Theory]
    [InlineData("name", "", "NP", 100)]
    [InlineData("country", "Collective", "XX", 100)]
    [InlineData("country", "Collective", "Nepal", 100)]
    [InlineData("annualBudget", "Collective", "NP", -1)]
    [InlineData("annualBudget", "Collective", "NP", 10.005)]
    public async Task Invalid_organisation_is_refused(string field, string name, string country, double annualBudget)
    {
        var client = await factory.NewApplicant();

        var response = await client.PostJson("/api/organisations", new CreateOrganisationCommand(
            name, country, OrganisationType.Other, null, (decimal)annualBudget, WomenLed: true, Sensitive: false));

        await response.ShouldBeInvalid(field);
    }

    [Fact]
    public async Task Unknown_organisation_type_is_refused()
    {
        var client = await factory.NewApplicant();

        var response = await client.PostJson("/api/organisations", new
        {
            name = "Collective", country = "NP", type = "Cooperative", registrationNumber = (string?)null,
            annualBudget = (decimal?)null, womenLed = true, sensitive = false,
        });

        await response.ShouldBeInvalid("type");
    }

    [Fact]
    public async Task Anonymous_visitor_cannot_register_or_list_organisations()
    {
        var anonymous = factory.CreateClient();

        await (await anonymous.PostJson("/api/organisations", OrganisationTestData.OrganisationInput())).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/organisations")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private Task<string> AuditPayloadOf(Guid organisationId) =>
        factory.WithDb(db => db.AuditEntries.Where(a => a.ObjectId == organisationId && a.Command == "CreateOrganisation").Select(a => a.Payload).SingleAsync());
}
