using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Notifications;
using GrantHub.Tests.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Organisations;

/// <summary>
/// An at-risk organisation is named by its alias to everyone but its members and the staff who need its legal name:
/// programme officers on its profile (due diligence), finance officers where they pay it. Answers are searched for the
/// exact legal name, as a string, whatever field it could hide in.
/// </summary>
public sealed class OrganisationAliasTests : LoopbackSmtpTests
{
    [Fact]
    public async Task An_at_risk_partner_is_its_alias_to_the_lead_reviewers_admins_and_every_message_and_its_legal_name_to_its_members_officers_and_finance()
    {
        var host = StartHost();
        var legalName = $"Sisters of the Hills Legal Trust {Guid.NewGuid():N}";
        var alias = $"Hill Circle {Guid.NewGuid():N}"[..24];
        var lead = await host.NewOrganisation("NP");
        var partner = await host.NewAtRiskOrganisation(legalName, alias);
        var call = await host.OpenCall();
        var application = await lead.Draft(call);
        await host.InviteThroughSharedMember(lead, application.Id, partner);
        await lead.Budget(
            application.Id,
            new BudgetLineInput(lead.OrganisationId, 1, 80_000m),
            new BudgetLineInput(partner.OrganisationId, 1, 20_000m));
        await partner.Confirm(application.Id);
        await (await lead.Client.Submit(application.Id)).ShouldBe(HttpStatusCode.OK);
        var reviewer = await host.NewReviewer();
        await host.Assign(application.Id, reviewer);
        var fund = await host.CreateRapidResponseFund();
        await partner.Client.Submit(host.Body(partner.OrganisationId, fund.Id));
        var officer = await host.Officer();
        var admin = await host.Admin();

        var leadSees = await lead.Client.GetStringAsync($"/api/applications/{application.Id}");
        Assert.Contains(alias, leadSees);
        var outsiders = new[]
        {
            leadSees,
            await lead.Client.GetStringAsync("/api/me/notifications?pageSize=100"),
            await reviewer.Client.GetStringAsync($"/api/applications/{application.Id}"),
            await reviewer.Client.GetStringAsync("/api/reviews/mine"),
            await officer.GetStringAsync($"/api/applications/{application.Id}"),
            await officer.GetStringAsync($"/api/calls/{call.Id}/applications"),
            await admin.GetStringAsync($"/api/organisations/{partner.OrganisationId}"),
            await admin.GetStringAsync("/api/organisations?pageSize=100"),
            await admin.GetStringAsync($"/api/applications/{application.Id}"),
        };
        Assert.All(outsiders, answer => Assert.DoesNotContain(legalName, answer));
        Assert.Contains(alias, await admin.GetStringAsync($"/api/organisations/{partner.OrganisationId}"));

        Assert.Contains(legalName, await partner.Client.GetStringAsync($"/api/applications/{application.Id}"));
        Assert.Contains(legalName, await partner.Client.GetStringAsync($"/api/organisations/{partner.OrganisationId}"));
        Assert.Contains(legalName, await officer.GetStringAsync($"/api/organisations/{partner.OrganisationId}"));
        Assert.Contains(legalName, await (await host.Finance()).GetStringAsync("/api/finance/queue"));

        await host.DispatchEmails();
        Assert.NotEmpty(Smtp.Received);
        Assert.All(Smtp.Received, mail => Assert.DoesNotContain(legalName, mail.Subject + mail.TextBody));
        Assert.Equal(0, await host.WithDb(db => db.Notifications.CountAsync(n => n.Subject.Contains(legalName) || n.Body.Contains(legalName))));
    }

    [Fact]
    public async Task An_alias_that_contains_the_legal_name_or_is_too_long_is_refused_and_a_blank_one_is_no_alias()
    {
        var host = StartHost();
        var email = $"applicant-{Guid.NewGuid():N}@example.org";
        var applicant = await host.NewApplicant(email);
        var input = OrganisationTestData.OrganisationInput(sensitive: true, name: "Mothers of Peace");

        await (await applicant.PostJson("/api/organisations", input with { Alias = "The mothers of peace network" })).ShouldBeInvalid("alias");
        await (await applicant.PostJson("/api/organisations", input with { Alias = new string('a', Organisation.MaxAliasLength + 1) })).ShouldBeInvalid("alias");
        var created = await (await applicant.PostJson("/api/organisations", input with { Alias = "   " })).ReadAs<OrganisationResponse>(HttpStatusCode.Created);

        Assert.Null(created.Alias);
        var owner = await host.UserId(email);
        Assert.Equal(1, await host.WithDb(db => db.OrganisationMembers.CountAsync(m => m.UserId == owner)));
    }

    [Fact]
    public async Task An_at_risk_organisation_without_an_alias_is_the_neutral_placeholder_to_outsiders()
    {
        var host = StartHost();
        var legalName = $"Unnamed Defenders {Guid.NewGuid():N}";
        var organisation = await host.NewAtRiskOrganisation(legalName, alias: null);

        var seen = await (await host.Admin()).GetStringAsync($"/api/organisations/{organisation.OrganisationId}");

        Assert.DoesNotContain(legalName, seen);
        Assert.DoesNotContain(organisation.Organisation.RegistrationNumber!, seen);
        Assert.Contains(Visibility.WithheldOrganisationName, seen);
    }
}

public static class AliasTestData
{
    /// <summary>A new applicant owning a new organisation marked at risk, with a working alias.</summary>
    public static async Task<Applicant> NewAtRiskOrganisation(this GrantHubFactory factory, string legalName, string? alias)
    {
        var email = $"applicant-{Guid.NewGuid():N}@example.org";
        var client = await factory.NewApplicant(email);
        var organisation = await (await client.PostJson(
                "/api/organisations", OrganisationTestData.OrganisationInput("BI", sensitive: true, name: legalName) with { Alias = alias }))
            .ReadAs<OrganisationResponse>(HttpStatusCode.Created);
        Assert.Equal(legalName, organisation.Name);
        return new Applicant(client, email, organisation);
    }
}
