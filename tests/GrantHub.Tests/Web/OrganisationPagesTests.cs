using System.Globalization;
using System.Net;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Web;
using GrantHub.Core.Applications;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Web;

/// <summary>The organisation's own pages: its profile edited by its owners, its members and invitations, and the invitations answered from home.</summary>
public class OrganisationPagesTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task An_owner_edits_the_profile_on_its_page_and_an_unticked_box_is_saved_as_no()
    {
        var owner = await factory.NewOrganisation("NP");
        var session = await WebSession.SignedIn(factory, owner.Email);
        Assert.Contains($"href=\"/organisations/{owner.OrganisationId}/edit\"", await session.Read($"/organisations/{owner.OrganisationId}"));
        var form = await session.Read($"/organisations/{owner.OrganisationId}/edit");
        Assert.Contains($"value=\"{owner.Organisation.Name}\"", form);

        var response = await session.Post(
            $"/organisations/{owner.OrganisationId}/edit",
            ("Version", owner.Organisation.Version.ToString(CultureInfo.InvariantCulture)), ("Name", "Nari Shanti Network"), ("Country", "BI"),
            ("Type", "Network"), ("RegistrationNumber", ""), ("AnnualBudget", "75 000,50"),
            ("WomenLed", "false"), ("Sensitive", "true"), ("Sensitive", "false"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/organisations/{owner.OrganisationId}", response.Headers.Location!.OriginalString);
        var saved = await factory.WithDb(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == owner.OrganisationId));
        Assert.Equal(
            ("Nari Shanti Network", "BI", OrganisationType.Network, (string?)null, (long?)7_500_050, false, true),
            (saved.Name, saved.Country, saved.Type, saved.RegistrationNumber, saved.AnnualBudget?.MinorUnits, saved.WomenLed, saved.Sensitive));
    }

    [Fact]
    public async Task A_budget_that_is_not_a_number_is_refused_together_with_every_other_field_error_and_nothing_is_saved()
    {
        var owner = await factory.NewOrganisation("NP");
        var session = await WebSession.SignedIn(factory, owner.Email);
        await session.Read($"/organisations/{owner.OrganisationId}/edit");

        var edited = await WebSession.Html(await session.Post(
            $"/organisations/{owner.OrganisationId}/edit",
            ("Version", owner.Organisation.Version.ToString(CultureInfo.InvariantCulture)), ("Name", ""), ("Country", ""),
            ("Type", "Network"), ("AnnualBudget", "about fifty thousand"), ("WomenLed", "true"), ("Sensitive", "false")));

        Assert.NotEmpty(WebSession.TextOf(edited, "AnnualBudget-error"));
        Assert.NotEmpty(WebSession.TextOf(edited, "Name-error"));
        Assert.NotEmpty(WebSession.TextOf(edited, "Country-error"));
        Assert.Equal(owner.Organisation.Name, await factory.WithDb(db => db.Organisations.Where(o => o.Id == owner.OrganisationId).Select(o => o.Name).SingleAsync()));

        await session.Read("/organisations/new");
        var created = await WebSession.Html(await session.Post(
            "/organisations/new", ("Name", ""), ("Country", "NP"), ("Type", "Network"), ("AnnualBudget", "lots"), ("WomenLed", "true"), ("Sensitive", "false")));
        Assert.NotEmpty(WebSession.TextOf(created, "AnnualBudget-error"));
        Assert.NotEmpty(WebSession.TextOf(created, "Name-error"));
    }

    [Fact]
    public async Task A_programme_officer_records_due_diligence_on_the_organisation_s_page_and_its_members_never_read_the_note()
    {
        var owner = await factory.NewOrganisation("NP");
        var officer = await WebSession.SignedIn(factory, "officer@granthub.local");
        Assert.Contains("handler=DueDiligence", await officer.Read($"/organisations/{owner.OrganisationId}"));

        var refused = await WebSession.Html(await officer.Post($"/organisations/{owner.OrganisationId}?handler=DueDiligence", ("DueDiligence", "Failed"), ("Note", "")));
        Assert.Contains("id=\"Note-error\"", refused);
        Assert.Equal(DueDiligenceStatus.NotStarted, await DueDiligenceOf(owner.OrganisationId));

        var recorded = await officer.Post($"/organisations/{owner.OrganisationId}?handler=DueDiligence", ("DueDiligence", "Cleared"), ("Note", "Registration checked with the ministry."));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(DueDiligenceStatus.Cleared, await DueDiligenceOf(owner.OrganisationId));
        Assert.Contains("Registration checked with the ministry.", await officer.Read($"/organisations/{owner.OrganisationId}"));

        var member = await WebSession.SignedIn(factory, owner.Email);
        var memberPage = await member.Read($"/organisations/{owner.OrganisationId}");
        Assert.DoesNotContain("Registration checked with the ministry.", memberPage);
        Assert.DoesNotContain("handler=DueDiligence", memberPage);
        var forbidden = await member.Post($"/organisations/{owner.OrganisationId}?handler=DueDiligence", ("DueDiligence", "Failed"), ("Note", "Self-assessed."));
        Assert.NotEqual(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Equal(DueDiligenceStatus.Cleared, await DueDiligenceOf(owner.OrganisationId));
    }

    private Task<DueDiligenceStatus> DueDiligenceOf(Guid organisationId) =>
        factory.WithDb(db => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.DueDiligence).SingleAsync());

    [Fact]
    public async Task An_edit_from_a_page_opened_before_another_owner_saved_is_refused_in_the_reader_s_language_with_what_was_typed_kept()
    {
        var owner = await factory.NewOrganisation("NP");
        var session = await WebSession.SignedIn(factory, owner.Email, language: "fr");
        await session.Read($"/organisations/{owner.OrganisationId}/edit");
        await (await owner.Client.PutJson($"/api/organisations/{owner.OrganisationId}", new UpdateOrganisationRequest(
            "Renamed meanwhile", "NP", OrganisationType.Network, null, null, true, false, owner.Organisation.Version))).ShouldBe(HttpStatusCode.OK);

        var html = await WebSession.Html(await session.Post(
            $"/organisations/{owner.OrganisationId}/edit",
            ("Version", owner.Organisation.Version.ToString(CultureInfo.InvariantCulture)), ("Name", "Typed on the old page"), ("Country", "NP"),
            ("Type", "Network"), ("WomenLed", "true"), ("WomenLed", "false"), ("Sensitive", "false")));

        Assert.Contains("Quelqu'un a modifié cette organisation depuis que vous avez ouvert le formulaire", html);
        Assert.Contains("value=\"Typed on the old page\"", html);
        Assert.Equal("Renamed meanwhile", await factory.WithDb(db => db.Organisations.Where(o => o.Id == owner.OrganisationId).Select(o => o.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_member_who_is_not_an_owner_sees_no_edit_link_and_gets_the_forbidden_page_for_the_form()
    {
        var owner = await factory.NewOrganisation("NP");
        var (_, memberEmail) = await factory.NewMemberOf(owner, MembershipRole.Member);
        var session = await WebSession.SignedIn(factory, memberEmail);

        Assert.DoesNotContain("/edit\"", await session.Read($"/organisations/{owner.OrganisationId}"));
        await session.Read($"/organisations/{owner.OrganisationId}/edit", HttpStatusCode.Forbidden);
        await session.Read("/organisations/new"); // a page with a form, for this account's antiforgery token
        var response = await session.Post(
            $"/organisations/{owner.OrganisationId}/edit",
            ("Version", owner.Organisation.Version.ToString(CultureInfo.InvariantCulture)), ("Name", "Taken over"), ("Country", "NP"), ("Type", "Network"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(owner.Organisation.Name, await factory.WithDb(db => db.Organisations.Where(o => o.Id == owner.OrganisationId).Select(o => o.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_owner_invites_an_address_sees_it_waiting_and_revokes_it_on_the_members_page()
    {
        var owner = await factory.NewOrganisation("NP");
        var session = await WebSession.SignedIn(factory, owner.Email);
        var page = $"/organisations/{owner.OrganisationId}/members";
        await session.Read(page);
        var invitee = $"colleague-{Guid.NewGuid():N}@example.org";

        var invited = await session.Post(page + "?handler=Invite", ("Email", invitee), ("Role", "Owner"));

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var html = await session.Read(page);
        Assert.Contains($"Invitation sent to {invitee}.", html);
        Assert.Contains($"Revoke the invitation of {invitee}", html);
        var invitation = await factory.WithDb(db => db.OrganisationInvitations.AsNoTracking().SingleAsync(i => i.OrganisationId == owner.OrganisationId));
        Assert.Equal((invitee, MembershipRole.Owner, InvitationStatus.Pending), (invitation.Email, invitation.Role, invitation.Status));

        var revoked = await session.Post(page + "?handler=Revoke", ("invitationId", invitation.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.DoesNotContain($"Revoke the invitation of {invitee}", await session.Read(page));
        Assert.Equal(InvitationStatus.Revoked, await factory.WithDb(db => db.OrganisationInvitations.Where(i => i.Id == invitation.Id).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_invalid_address_is_refused_next_to_its_field_and_nobody_is_invited()
    {
        var owner = await factory.NewOrganisation("NP");
        var session = await WebSession.SignedIn(factory, owner.Email, language: "fr");
        var page = $"/organisations/{owner.OrganisationId}/members";
        await session.Read(page);

        var html = await WebSession.Html(await session.Post(page + "?handler=Invite", ("Email", "not an address"), ("Role", "Member")));

        Assert.Matches("id=\"Email-error\"[^>]*>« Adresse e-mail » n'est pas une adresse email valide", html);
        Assert.False(await factory.WithDb(db => db.OrganisationInvitations.AnyAsync(i => i.OrganisationId == owner.OrganisationId)));
    }

    [Fact]
    public async Task A_member_who_is_not_an_owner_sees_the_members_but_neither_the_invitations_nor_the_invitation_form()
    {
        var owner = await factory.NewOrganisation("NP");
        var (_, memberEmail) = await factory.NewMemberOf(owner, MembershipRole.Member);
        var waiting = $"waiting-{Guid.NewGuid():N}@example.org";
        await owner.Client.InviteTo(owner.OrganisationId, waiting);
        var session = await WebSession.SignedIn(factory, memberEmail);

        var html = await session.Read($"/organisations/{owner.OrganisationId}/members");

        Assert.Contains(owner.Email, html);
        Assert.Contains(memberEmail, html);
        Assert.DoesNotContain(waiting, html);
        Assert.DoesNotContain("handler=Invite", html);
        Assert.Contains("Only the organisation's owners invite new members.", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task An_invitee_accepts_an_invitation_to_an_organisation_from_her_home_page()
    {
        var owner = await factory.NewOrganisation("NP");
        var email = $"invitee-{Guid.NewGuid():N}@example.org";
        await factory.NewApplicant(email);
        var invitation = await owner.Client.InviteTo(owner.OrganisationId, email);
        var session = await WebSession.SignedIn(factory, email, language: "fr");

        var home = WebUtility.HtmlDecode(await session.Read("/home"));
        Assert.Contains($"Invitation à rejoindre {owner.Organisation.Name} (Népal) en tant que membre", home);
        var accepted = await session.Post("/home?handler=AcceptInvitation", ("invitationId", invitation.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal($"/organisations/{owner.OrganisationId}", accepted.Headers.Location!.OriginalString);
        var userId = await factory.UserId(email);
        Assert.True(await factory.WithDb(db => db.OrganisationMembers.AnyAsync(m => m.OrganisationId == owner.OrganisationId && m.UserId == userId)));
        Assert.DoesNotContain("handler=AcceptInvitation", await session.Read("/home"));
    }

    [Fact]
    public async Task An_invitee_declines_from_her_home_page_and_an_invitation_answered_twice_is_refused_in_words()
    {
        var owner = await factory.NewOrganisation("NP");
        var email = $"invitee-{Guid.NewGuid():N}@example.org";
        await factory.NewApplicant(email);
        var invitation = await owner.Client.InviteTo(owner.OrganisationId, email);
        var session = await WebSession.SignedIn(factory, email);
        await session.Read("/home");

        var declined = await session.Post("/home?handler=DeclineInvitation", ("invitationId", invitation.Id.ToString()));
        var again = await session.Post("/home?handler=AcceptInvitation", ("invitationId", invitation.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal(InvitationStatus.Declined, await factory.WithDb(db => db.OrganisationInvitations.Where(i => i.Id == invitation.Id).Select(i => i.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("id=\"form-errors\"", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_partner_s_member_confirms_the_consortium_from_her_home_page()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var partner = await factory.NewOrganisation("BI");
        var application = await lead.Draft(call);
        await lead.Invite(application.Id, partner);
        var session = await WebSession.SignedIn(factory, partner.Email);
        Assert.Contains("handler=ConfirmPartnership", await session.Read("/home"));

        var fingerprint = (await partner.Client.Get(application.Id)).Members.Single(m => m.OrganisationId == partner.OrganisationId).BudgetFingerprint;
        var confirmed = await session.Post(
            "/home?handler=ConfirmPartnership",
            ("applicationId", application.Id.ToString()), ("organisationId", partner.OrganisationId.ToString()), ("budgetFingerprint", fingerprint));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var status = (await partner.Client.Get(application.Id)).Members.Single(m => m.OrganisationId == partner.OrganisationId).Status;
        Assert.Equal(ConsortiumMemberStatus.Confirmed, status);
    }

    [Fact]
    public async Task Countries_are_named_in_the_page_s_language()
    {
        var owner = await factory.NewOrganisation("DE");

        var english = await WebSession.SignedIn(factory, owner.Email, language: "en");
        var french = await WebSession.SignedIn(factory, owner.Email, language: "fr");

        Assert.Contains("<dd>Germany</dd>", await english.Read($"/organisations/{owner.OrganisationId}"));
        Assert.Contains("<dd>Allemagne</dd>", await french.Read($"/organisations/{owner.OrganisationId}"));
        Assert.Contains("<option value=\"NP\">Népal</option>", await french.Read("/organisations/new"));
    }

    [Theory]
    [InlineData("en", "NP", "Nepal")]
    [InlineData("fr", "NP", "Népal")]
    [InlineData("fr", "CD", "Congo-Kinshasa")]
    [InlineData("fr", "MM", "Myanmar (Birmanie)")]
    [InlineData("fr", "US", "États-Unis")]
    public void A_country_is_named_in_the_current_language(string language, string code, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            Assert.Equal(expected, WebText.Country(code));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
