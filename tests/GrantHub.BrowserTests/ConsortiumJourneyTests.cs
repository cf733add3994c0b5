using System.Globalization;
using System.Net.Http.Json;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Applications;
using GrantHub.Core.Data;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantHub.BrowserTests;

/// <summary>
/// The whole journey of a consortium in the browser, once in English and once in French: the lead registers, creates
/// her organisation, drafts, invites a partner who confirms in her own browser; the lead fills the budget, which asks
/// the partner again (she reads why, sees her share per year and confirms it); the lead submits;
/// after an award made through the API she signs the agreement and reports, then asks for emergency support.
/// </summary>
[Trait("Category", "Browser")]
public class ConsortiumJourneyTests(BrowserHost host, ITestOutputHelper output) : IClassFixture<BrowserHost>
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task A_consortium_finds_a_call_applies_signs_its_agreement_reports_and_asks_for_emergency_support(string language)
    {
        var factory = host.Factory;
        var call = await factory.OpenCall();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var lead = await PageVisitor.Open(host, language, "lead");
        var partner = await PageVisitor.Open(host, language, "partner");

        // The sign-in page speaks the contract's words.
        await lead.Go("/account/login");
        Assert.Equal(language == "fr" ? "Se connecter" : "Sign in", await lead.Page.Locator("main button[type=submit]").InnerTextAsync());
        await Expect(lead.Page.GetByLabel(language == "fr" ? "Adresse e-mail" : "Email", new() { Exact = true })).ToBeVisibleAsync();

        var leadName = $"Sahayog Women Network {suffix}";
        await Register(lead, $"lead-{suffix}@example.org", "Laxmi");
        await CreateOrganisation(lead, leadName, "NP", sensitive: false);
        var partnerName = $"Femmes Solidaires {suffix}";
        await Register(partner, $"partner-{suffix}@example.org", "Pascaline");
        // Not marked at risk: an at-risk organisation can be invited only through a member it shares with the lead
        // (its id answers like an unknown one to everybody else), which a browser journey between strangers cannot show.
        await CreateOrganisation(partner, partnerName, "BI", sensitive: false);
        var partnerIdentifier = (await partner.Page.Locator("#organisation-identifier").InnerTextAsync()).Trim();

        // The lead completes her profile and looks at her members and invitations.
        await lead.Click(lead.Text("Organisation.Edit"));
        await lead.Fill(lead.Text("Field.RegistrationNumber"), $"NP-{suffix}");
        await lead.Click(lead.Text("Organisation.Save"));
        await Expect(lead.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(lead.Text("Organisation.Saved"));
        await lead.Click(lead.Text("Members.Title"));
        await Expect(lead.Page.GetByRole(AriaRole.Button, new() { Name = lead.Text("Members.Send"), Exact = true })).ToBeVisibleAsync();

        // The lead finds the call and drafts.
        await lead.Navigate(() => lead.Page.GetByRole(AriaRole.Link, new() { Name = lead.Text("Layout.Calls"), Exact = true }).ClickAsync());
        await lead.Navigate(() => lead.Page.GetByRole(AriaRole.Link, new() { Name = call.Title }).First.ClickAsync());
        await lead.Click(lead.Text("Call.Apply"));
        await lead.Fill(lead.Text("Field.Title"), $"Peace circles {suffix}");
        await lead.Fill(lead.Text("Field.Summary"), "Women mediators in six districts meet monthly with local authorities.");
        await lead.Page.GetByLabel(lead.Text("Pillar.Participation"), new() { Exact = true }).CheckAsync();
        // Countries are named in the page's language.
        await lead.Page.GetByLabel(language == "fr" ? "Népal" : "Nepal", new() { Exact = true }).CheckAsync();
        await lead.Page.GetByLabel("Burundi", new() { Exact = true }).CheckAsync();
        await lead.Page.GetByLabel(lead.Text("TargetGroup.RuralWomen"), new() { Exact = true }).CheckAsync();
        await lead.Fill(lead.Text("Field.DurationMonths"), "24");
        await lead.Click(lead.Text("Application.SaveDraft"));
        var applicationPath = new Uri(lead.Page.Url).AbsolutePath;
        Assert.Matches("^/applications/[0-9a-f-]{36}$", applicationPath);

        // Before anything else, the checklist says what is missing, in plain words.
        await Expect(lead.Page.Locator("#checklist")).ToContainTextAsync(lead.Text("Rule.budget-missing"));

        // The lead invites the partner, who confirms in her own browser.
        await lead.Fill(lead.Text("Field.PartnerOrganisationId"), partnerIdentifier);
        await lead.Click(lead.Text("Application.Invite"));
        await Expect(lead.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(lead.Text("Application.PartnerInvited"));
        await partner.Navigate(() => partner.Page.GetByRole(AriaRole.Link, new() { Name = partner.Text("Layout.Home"), Exact = true }).ClickAsync());
        await partner.Navigate(() => partner.Page.GetByRole(AriaRole.Link, new() { Name = partner.Text("Home.Invitation", $"Peace circles {suffix}") }).ClickAsync());
        await partner.Click(partner.Text("Partnership.Confirm"));
        await Expect(partner.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(partner.Text("Partnership.Confirmed"));

        // The lead fills the budget, sees the totals, and submits.
        await lead.Go(applicationPath);
        await lead.Click(lead.Text("Application.EditBudget"));
        await lead.Fill(lead.Text("Budget.CellLabel", leadName, 1), "50000");
        await lead.Fill(lead.Text("Budget.CellLabel", leadName, 2), "30 000");
        await lead.Fill(lead.Text("Budget.CellLabel", partnerName, 1), "10000");
        await lead.Fill(lead.Text("Budget.CellLabel", partnerName, 2), language == "fr" ? "10000,00" : "10000.00");
        await lead.Click(lead.Text("Budget.Save"));
        await Expect(lead.Page.Locator("#budget-total")).ToContainTextAsync("100");
        await lead.Click(lead.Text("Budget.Back"));

        // The partner had confirmed before the budget gave it a share: the checklist names it as waiting, and the
        // partner reads on her invitation why she is asked again, sees her share per year and confirms it.
        await Expect(lead.Page.Locator("#waiting-partners")).ToContainTextAsync(partnerName);
        await partner.Navigate(() => partner.Page.GetByRole(AriaRole.Link, new() { Name = partner.Text("Layout.Home"), Exact = true }).ClickAsync());
        await partner.Navigate(() => partner.Page.GetByRole(AriaRole.Link, new() { Name = partner.Text("Home.Invitation", $"Peace circles {suffix}") }).ClickAsync());
        await Expect(partner.Page.Locator("#share-changed")).ToContainTextAsync(partner.Text("Partnership.NoLine"));
        await Expect(partner.Page.Locator("#my-share")).ToContainTextAsync(partner.Text("Budget.Year", 2));
        await partner.Click(partner.Text("Partnership.Confirm"));
        await Expect(partner.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(partner.Text("Partnership.Confirmed"));
        await lead.Go(applicationPath);
        await Expect(lead.Page.Locator("main")).ToContainTextAsync(lead.Text("Application.Ready"));
        await lead.Click(lead.Text("Application.Submit"));
        await Expect(lead.Page.Locator("#application-status")).ToHaveTextAsync(lead.Text("ApplicationStatus.Submitted"));

        // The programme officer awards it through the API and generates the agreement.
        var applicationId = Guid.Parse(applicationPath.Split('/')[^1]);
        var officer = await factory.Officer();
        (await officer.PostAsync($"/api/calls/{call.Id}/close", null)).EnsureSuccessStatusCode();
        var decision = await (await officer.PostAsJsonAsync(
                $"/api/applications/{applicationId}/decision",
                new DecideApplicationRequest(ApplicationDecision.Award, 100_000m, DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime), null, "A strong consortium.", "Decided in committee before the reviews were recorded."),
                HttpAssertions.Json))
            .ReadAs<DecisionResponse>();
        (await officer.PostAsync($"/api/grants/{decision.GrantId}/agreement", null)).EnsureSuccessStatusCode();

        // The lead signs the very document whose fingerprint she sees, then reports.
        await lead.Navigate(() => lead.Page.GetByRole(AriaRole.Link, new() { Name = lead.Text("Layout.Home"), Exact = true }).ClickAsync());
        await lead.Navigate(() => lead.Page.GetByRole(AriaRole.Link, new() { Name = lead.Text("Home.Sign", decision.GrantNumber!) }).ClickAsync());
        var sha256 = (await lead.Page.Locator("#agreement-sha256").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9a-f]{64}$", sha256);
        await lead.Click(lead.Text("Grant.Sign"));
        await Expect(lead.Page.Locator("#Confirmed-error")).ToContainTextAsync(lead.Text("Grant.ConfirmRequired"));
        await lead.Page.GetByLabel(lead.Text("Grant.SignConfirm", sha256[..12]), new() { Exact = true }).CheckAsync();
        await lead.Click(lead.Text("Grant.Sign"));
        await Expect(lead.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(lead.Text("Grant.SignatureRecorded"));
        await Expect(lead.Page.Locator("#grant-status")).ToHaveTextAsync(lead.Text("GrantStatus.AwaitingSignature"));

        // The partner countersigns on her own page and the funder signs (API): only then is the grant active.
        await partner.Go($"/grants/{decision.GrantId}");
        await partner.Page.GetByLabel(partner.Text("Grant.SignConfirm", sha256[..12]), new() { Exact = true }).CheckAsync();
        await partner.Click(partner.Text("Grant.Sign"));
        await Expect(partner.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(partner.Text("Grant.SignatureRecorded"));
        (await officer.PostAsJsonAsync($"/api/grants/{decision.GrantId}/agreement/sign", new SignAgreementRequest(sha256), HttpAssertions.Json)).EnsureSuccessStatusCode();
        await lead.Go($"/grants/{decision.GrantId}");
        await Expect(lead.Page.Locator("#grant-status")).ToHaveTextAsync(lead.Text("GrantStatus.Active"));
        await lead.Click(lead.Text("Grant.WriteReport"));
        await lead.Fill(lead.Text("Field.Narrative"), "Twelve peace circles met; two local agreements were signed.");
        await lead.Fill(lead.Text("Field.Achievements"), "Two local agreements; 140 women trained as mediators.");
        await lead.Fill(lead.Text("Field.SpentToDate", "EUR"), "42000");
        await lead.Click(lead.Text("Report.Submit"));
        await Expect(lead.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(lead.Text("Report.Submitted"));

        // An emergency: a double click on send makes one request.
        await lead.Navigate(() => lead.Page.GetByRole(AriaRole.Link, new() { Name = lead.Text("Layout.Emergency"), Exact = true }).ClickAsync());
        await lead.Fill(lead.Text("Field.Amount"), "2500");
        await lead.Fill(lead.Text("Field.Justification"), "Two mediators were threatened and must move tonight.");
        await lead.Fill(lead.Text("Field.NeededBy"), DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await lead.Navigate(() => lead.Page.GetByRole(AriaRole.Button, new() { Name = lead.Text("Emergency.Send"), Exact = true }).DblClickAsync());
        await Expect(lead.Page.Locator("#emergency-status")).ToHaveTextAsync(lead.Text("EmergencyRequestStatus.Submitted"));
        var requests = await factory.WithDb(db => db.EmergencyRequests.CountAsync(r => r.OrganisationId == db.Organisations.NamedExactly(db.Cipher, leadName).Select(o => o.Id).Single()));
        Assert.Equal(1, requests);

        // Nothing on the way named the partner in a page title or an address: titles and URLs never hold names.
        foreach (var line in lead.Report.Concat(partner.Report))
        {
            output.WriteLine(line);
            Assert.DoesNotContain(partnerName, line);
        }
    }

    private static async Task Register(PageVisitor visitor, string email, string name)
    {
        await visitor.Go("/account/register");
        await visitor.Fill(visitor.Text("Field.DisplayName"), name);
        await visitor.Fill(visitor.Text("Field.Email"), email);
        await visitor.Fill(visitor.Text("Field.Password"), DemoData.Password);
        await visitor.Click(visitor.Text("Account.CreateAccount"));
        Assert.Contains("/account/login", visitor.Page.Url);
        await visitor.Fill(visitor.Text("Field.Password"), DemoData.Password);
        // The form's button, not the menu's link of the same name.
        await visitor.Navigate(() => visitor.Page.GetByRole(AriaRole.Button, new() { Name = visitor.Text("Account.SignIn"), Exact = true }).ClickAsync());
        Assert.EndsWith("/home", visitor.Page.Url);
    }

    private static async Task CreateOrganisation(PageVisitor visitor, string name, string country, bool sensitive)
    {
        await visitor.Navigate(() => visitor.Page.GetByRole(AriaRole.Link, new() { Name = visitor.Text("Organisation.Create"), Exact = true }).ClickAsync());
        await visitor.Fill(visitor.Text("Field.Name"), name);
        await visitor.Page.GetByLabel(visitor.Text("Field.Country"), new() { Exact = true }).SelectOptionAsync(country);
        if (sensitive)
        {
            await visitor.Page.GetByLabel(visitor.Text("Field.Sensitive"), new() { Exact = true }).CheckAsync();
        }

        await visitor.Navigate(() => visitor.Page.GetByRole(AriaRole.Button, new() { Name = visitor.Text("Organisation.Create"), Exact = true }).ClickAsync());
        Assert.Matches("/organisations/[0-9a-f-]{36}$", visitor.Page.Url);
        Assert.DoesNotContain(name, await visitor.Page.TitleAsync());
    }
}
