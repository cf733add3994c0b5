using System.Net;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Applications;
using GrantHub.Core.Data;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Web;

/// <summary>What the page handlers make of refusals, expired sessions and forged forms, through the real pipeline.</summary>
public class PageHandlerTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const string Lead = "lead@granthub.local";

    [Fact]
    public async Task A_refused_rule_is_one_sentence_at_the_top_of_the_form_and_what_was_typed_stays()
    {
        var (applicationId, leadOrganisationId) = await DemoDraft();
        var session = await WebSession.SignedIn(factory, Lead);
        await session.Read($"/applications/{applicationId}");

        var response = await session.Post($"/applications/{applicationId}?handler=Invite", ("PartnerOrganisationId", leadOrganisationId.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await WebSession.Html(response);
        Assert.Contains("Your own organisation leads this application: it cannot also be its partner.", html);
        Assert.Contains($"value=\"{leadOrganisationId}\"", html);
    }

    [Fact]
    public async Task The_same_refusal_reads_in_french_for_a_french_speaker()
    {
        var (applicationId, leadOrganisationId) = await DemoDraft();
        var session = await WebSession.SignedIn(factory, Lead, language: "fr-FR,fr;q=0.9");
        await session.Read($"/applications/{applicationId}");

        var html = await WebSession.Html(await session.Post($"/applications/{applicationId}?handler=Invite", ("PartnerOrganisationId", leadOrganisationId.ToString())));

        Assert.Contains("Votre propre organisation mène cette demande : elle ne peut pas en être aussi partenaire.", html);
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", html);
    }

    [Fact]
    public async Task A_field_error_sits_next_to_its_field_in_the_reader_s_language_with_the_field_s_own_label()
    {
        var (applicationId, _) = await DemoDraft();
        var title = await TitleOf(applicationId);
        var session = await WebSession.SignedIn(factory, Lead, language: "fr");
        await session.Read($"/applications/{applicationId}");

        var response = await session.Post(
            $"/applications/{applicationId}?handler=Save",
            ("Title", ""), ("Summary", "Résumé gardé"), ("Pillars", "Participation"), ("Countries", "NP"), ("DurationMonths", "24"));

        var html = await WebSession.Html(response);
        Assert.Matches("id=\"Title-error\"><span[^>]*>« Titre » ne doit pas être vide", html);
        Assert.Contains("Résumé gardé</textarea>", html);
        Assert.Equal(title, await TitleOf(applicationId));
    }

    [Fact]
    public async Task A_form_sent_after_the_session_expired_is_kept_and_sent_again_after_signing_in()
    {
        var (applicationId, _) = await DemoDraft();
        var title = await TitleOf(applicationId);
        var expired = WebSession.Open(factory);
        (string, string)[] typed =
        [
            ("Title", "Typed before the session expired"), ("Summary", "Kept summary"), ("Pillars", "Participation"),
            ("Countries", "NP"), ("TargetGroups", "YoungWomen"), ("DurationMonths", "24"),
        ];

        var refused = await expired.Post($"/applications/{applicationId}?handler=Save", typed);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var login = refused.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/login?returnUrl=", login);
        Assert.Contains("Your session had expired", await expired.Read(login));
        var signedIn = await expired.Post(login, ("Email", Lead), ("Password", DemoData.Password));
        var resume = signedIn.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/resume?key=", resume);
        var page = WebUtilityDecode(await expired.Read(resume));
        Assert.Contains("value=\"Typed before the session expired\"", page);
        Assert.Equal(title, await TitleOf(applicationId));

        var sent = await expired.Post($"/applications/{applicationId}?handler=Save", typed);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("Typed before the session expired", await TitleOf(applicationId));
        await expired.Read(resume, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_changes_nothing_and_gets_a_page_people_understand()
    {
        var (applicationId, _) = await DemoDraft();
        var title = await TitleOf(applicationId);
        var session = await WebSession.SignedIn(factory, Lead);

        var response = await session.PostWithoutToken(
            $"/applications/{applicationId}?handler=Save",
            ("Title", "Forged"), ("Summary", "Forged"), ("Pillars", "Participation"), ("Countries", "NP"), ("DurationMonths", "24"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await WebSession.Html(response);
        Assert.Contains("This form could not be sent", html);
        Assert.DoesNotContain("Exception", html);
        Assert.Equal(title, await TitleOf(applicationId));
    }

    [Fact]
    public async Task Signed_in_pages_are_never_stored_and_the_session_cookie_is_http_only_secure_and_same_site()
    {
        var session = WebSession.Open(factory);
        await session.Read("/account/login");
        var login = await session.Post("/account/login", ("Email", Lead), ("Password", DemoData.Password));

        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("granthub.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var home = await session.Client.GetAsync("/home");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.True(home.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task A_sensitive_organisation_is_named_neither_in_its_page_title_nor_to_outsiders()
    {
        var partnerId = await factory.WithDb(db => db.Organisations.NamedExactly(db.Cipher, DemoData.PartnerOrganisationName).Select(o => o.Id).SingleAsync());
        var member = await WebSession.SignedIn(factory, "partner@granthub.local");
        var outsider = await WebSession.SignedIn(factory, Lead);

        var profile = WebUtilityDecode(await member.Read($"/organisations/{partnerId}"));
        var refused = WebUtilityDecode(await outsider.Read($"/organisations/{partnerId}", HttpStatusCode.NotFound));

        Assert.Contains($"<h1>{DemoData.PartnerOrganisationName}</h1>", profile);
        Assert.DoesNotContain(DemoData.PartnerOrganisationName, profile[..profile.IndexOf("</title>", StringComparison.Ordinal)]);
        Assert.Contains("Page not found", refused);
        Assert.DoesNotContain(DemoData.PartnerOrganisationName, refused);
    }

    [Fact]
    public async Task An_emergency_form_sent_twice_makes_one_request()
    {
        var session = await WebSession.SignedIn(factory, Lead);
        var form = await session.Read("/emergency/new");
        var key = System.Text.RegularExpressions.Regex.Match(form, "name=\"IdempotencyKey\" value=\"([^\"]+)\"").Groups[1].Value;
        var organisationId = System.Text.RegularExpressions.Regex.Match(form, "<option value=\"([^\"]+)\">Nari").Groups[1].Value;
        var fundId = System.Text.RegularExpressions.Regex.Match(form, "id=\"FundId\"[^>]*>\\s*<option value=\"([^\"]+)\"").Groups[1].Value;
        (string, string)[] fields =
        [
            ("IdempotencyKey", key), ("OrganisationId", organisationId), ("FundId", fundId), ("Category", "SafetyAndRelocation"),
            ("Amount", "1 500,50"), ("Justification", "Relocating two defenders after threats."), ("NeededBy", "2026-03-10"),
        ];
        var before = await factory.WithDb(db => db.EmergencyRequests.CountAsync());

        var first = await session.Post("/emergency/new", fields);
        var second = await session.Post("/emergency/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(before + 1, await factory.WithDb(db => db.EmergencyRequests.CountAsync()));
        Assert.Equal(150_050L, await factory.WithDb(db => db.EmergencyRequests.OrderByDescending(r => r.SubmittedAt).Select(r => r.Amount.MinorUnits).FirstAsync()));
    }

    private Task<(Guid ApplicationId, Guid LeadOrganisationId)> DemoDraft() => factory.WithDb(async db =>
    {
        var lead = await db.Organisations.NamedExactly(db.Cipher, DemoData.LeadOrganisationName).Select(o => o.Id).SingleAsync();
        var draft = await db.Applications.Where(a => a.LeadOrganisationId == lead && a.Status == ApplicationStatus.Draft)
            .Select(a => new { a.Id, a.LeadOrganisationId }).FirstAsync();
        return (draft.Id, draft.LeadOrganisationId);
    });

    private Task<string> TitleOf(Guid applicationId) =>
        factory.WithDb(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Title).SingleAsync());

    private static string WebUtilityDecode(string html) => WebUtility.HtmlDecode(html);
}
