using System.Net;
using GrantHub.Api.Features.Organisations;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Organisations;

/// <summary>A freshly registered applicant account and the organisation it owns.</summary>
public sealed record Applicant(HttpClient Client, string Email, OrganisationResponse Organisation)
{
    public Guid OrganisationId => Organisation.Id;
}

public static class OrganisationTestData
{
    public static CreateOrganisationCommand OrganisationInput(string country = "NP", bool sensitive = false, string? name = null) => new(
        name ?? $"Women Peace Collective {Guid.NewGuid():N}",
        country,
        OrganisationType.WomensRightsOrganisation,
        $"REG-{Guid.NewGuid():N}"[..16],
        120_000.50m,
        WomenLed: true,
        sensitive);

    /// <summary>Registers a new account and an organisation it owns.</summary>
    public static async Task<Applicant> NewOrganisation(this GrantHubFactory factory, string country = "NP", bool sensitive = false, string? name = null)
    {
        var email = $"applicant-{Guid.NewGuid():N}@example.org";
        var client = await factory.NewApplicant(email);
        var organisation = await (await client.PostJson("/api/organisations", OrganisationInput(country, sensitive, name)))
            .ReadAs<OrganisationResponse>(HttpStatusCode.Created);
        return new Applicant(client, email, organisation);
    }

    /// <summary>Registers a new account and makes it a member of the applicant's organisation.</summary>
    public static async Task<(HttpClient Client, string Email)> NewMemberOf(
        this GrantHubFactory factory, Applicant owner, MembershipRole role = MembershipRole.Member)
    {
        var email = $"member-{Guid.NewGuid():N}@example.org";
        var client = await factory.NewApplicant(email);
        await (await owner.Client.PostJson($"/api/organisations/{owner.OrganisationId}/members", new AddOrganisationMemberRequest(email, role)))
            .ShouldBe(HttpStatusCode.OK);
        return (client, email);
    }
}
