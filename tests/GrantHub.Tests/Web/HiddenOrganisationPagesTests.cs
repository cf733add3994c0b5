using System.Globalization;
using System.Net;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Web;

/// <summary>The alias on the profile form, and the panic switch from the organisation's page, with its confirmation.</summary>
public class HiddenOrganisationPagesTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task An_owner_gives_her_organisation_an_alias_on_the_profile_form_and_an_admin_reads_only_the_alias()
    {
        var legalName = $"Women Builders Legal Name {Guid.NewGuid():N}";
        var owner = await factory.NewOrganisation("BI", name: legalName);
        var session = await WebSession.SignedIn(factory, owner.Email);
        await session.Read($"/organisations/{owner.OrganisationId}/edit");

        var response = await session.Post(
            $"/organisations/{owner.OrganisationId}/edit",
            ("Version", owner.Organisation.Version.ToString(CultureInfo.InvariantCulture)), ("Name", legalName), ("Country", "BI"),
            ("Type", "CommunityGroup"), ("RegistrationNumber", ""), ("AnnualBudget", ""),
            ("WomenLed", "true"), ("WomenLed", "false"), ("Sensitive", "true"), ("Sensitive", "false"), ("Alias", "Collines"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var admin = await WebSession.SignedIn(factory, "admin@granthub.local");
        var seen = await admin.Read($"/organisations/{owner.OrganisationId}");
        Assert.DoesNotContain(legalName, seen);
        Assert.Contains("<h1>Collines</h1>", seen);
        Assert.Contains(legalName, await session.Read($"/organisations/{owner.OrganisationId}"));
    }

    [Fact]
    public async Task An_alias_holding_the_legal_name_is_refused_next_to_its_field()
    {
        var owner = await factory.NewOrganisation("BI", name: "Peace Weavers");
        var session = await WebSession.SignedIn(factory, owner.Email);
        await session.Read($"/organisations/{owner.OrganisationId}/edit");

        var response = await session.Post(
            $"/organisations/{owner.OrganisationId}/edit",
            ("Version", owner.Organisation.Version.ToString(CultureInfo.InvariantCulture)), ("Name", "Peace Weavers"), ("Country", "BI"),
            ("Type", "CommunityGroup"), ("Sensitive", "true"), ("Alias", "The peace weavers"));

        var html = await WebSession.Html(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The alias must not contain the legal name", WebSession.TextOf(html, "Alias-error"));
        Assert.Null(await factory.WithDb(db => db.Organisations.Where(o => o.Id == owner.OrganisationId).Select(o => o.Alias).SingleAsync()));
    }

    [Fact]
    public async Task The_owner_hides_her_organisation_after_a_confirmation_is_signed_out_and_only_its_members_and_officers_read_its_name()
    {
        var legalName = $"Valley Women Network {Guid.NewGuid():N}";
        var lead = await factory.NewOrganisation("NP", name: legalName);
        var partner = await factory.NewOrganisation("BI");
        var application = await lead.Draft(await factory.OpenCall());
        await lead.Invite(application.Id, partner);
        var owner = await WebSession.SignedIn(factory, lead.Email);
        Assert.Contains($"href=\"/organisations/{lead.OrganisationId}/hide\"", await owner.Read($"/organisations/{lead.OrganisationId}"));
        var confirmation = await owner.Read($"/organisations/{lead.OrganisationId}/hide");
        Assert.Contains("signed out at once", WebSession.TextOf(confirmation, "consequences"));

        var hidden = await owner.Post($"/organisations/{lead.OrganisationId}/hide");

        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        Assert.Equal("/", hidden.Headers.Location!.OriginalString);
        var afterwards = await owner.Client.GetAsync("/home");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/account/login", afterwards.Headers.Location!.AbsolutePath);

        var partnerPage = await (await WebSession.SignedIn(factory, partner.Email)).Read($"/applications/{application.Id}/partnership/{partner.OrganisationId}");
        Assert.DoesNotContain(legalName, partnerPage);
        var adminPage = await (await WebSession.SignedIn(factory, "admin@granthub.local")).Read($"/organisations/{lead.OrganisationId}");
        Assert.DoesNotContain(legalName, adminPage);
        Assert.Contains("(organisation at risk)", adminPage);
        var officer = await WebSession.SignedIn(factory, "officer@granthub.local");
        var officerPage = await officer.Read($"/organisations/{lead.OrganisationId}");
        Assert.Contains(legalName, officerPage);
        Assert.DoesNotContain(legalName, officerPage[..officerPage.IndexOf("</title>", StringComparison.Ordinal)]);
        Assert.Equal("Yes", WebSession.TextOf(officerPage, "organisation-hidden"));

        var revealed = await officer.Post($"/organisations/{lead.OrganisationId}?handler=Reveal");

        Assert.Equal(HttpStatusCode.Redirect, revealed.StatusCode);
        var state = await factory.WithDb(db => db.Organisations.Where(o => o.Id == lead.OrganisationId).Select(o => new { o.Hidden, o.Sensitive }).SingleAsync());
        Assert.Equal(new { Hidden = false, Sensitive = true }, state);
    }
}
