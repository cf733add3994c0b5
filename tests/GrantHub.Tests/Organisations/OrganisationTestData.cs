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

    /// <summary>Registers a new account, invites it to the applicant's organisation and accepts as that account.</summary>
    public static async Task<(HttpClient Client, string Email)> NewMemberOf(
        this GrantHubFactory factory, Applicant owner, MembershipRole role = MembershipRole.Member)
    {
        var email = $"member-{Guid.NewGuid():N}@example.org";
        var client = await factory.NewApplicant(email);
        await owner.Admit(client, email, role);
        return (client, email);
    }

    public static async Task<OrganisationInvitationResponse> InviteTo(this HttpClient owner, Guid organisationId, string email, MembershipRole role = MembershipRole.Member) =>
        await (await owner.PostJson($"/api/organisations/{organisationId}/invitations", new InviteMemberRequest(email, role)))
            .ReadAs<OrganisationInvitationResponse>(HttpStatusCode.Created);

    /// <summary>The owner invites the account's e-mail and the account accepts: the way anyone becomes a member.</summary>
    public static async Task Admit(this Applicant owner, HttpClient invitee, string email, MembershipRole role = MembershipRole.Member)
    {
        var invitation = await owner.Client.InviteTo(owner.OrganisationId, email, role);
        await (await invitee.PostJson($"/api/me/invitations/{invitation.Id}/accept")).ShouldBe(HttpStatusCode.OK);
    }
}
