using GrantHub.Tests.Grants;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantHub.BrowserTests;

/// <summary>
/// Every party signs the same agreement version in the browser, in English and in French: the lead's owner and the
/// partner's owner each on their grant page, then the programme officer for the funder, and only then is the grant active.
/// </summary>
[Trait("Category", "Browser")]
public class SigningJourneyTests(BrowserHost host, ITestOutputHelper output) : IClassFixture<BrowserHost>
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task The_lead_and_the_partner_sign_then_the_officer_signs_for_the_funder_and_the_grant_becomes_active(string language)
    {
        var factory = host.Factory;
        var scenario = await factory.AwardGrant();
        var version = await factory.GenerateAgreement(scenario);
        var grantPage = $"/grants/{scenario.GrantId}";
        var lead = await SignedIn(language, "lead", scenario.LeadOwner.Email);
        var partner = await SignedIn(language, "partner", scenario.PartnerOwner.Email);
        var officer = await SignedIn(language, "officer", GrantScenarios.OfficerEmail);

        foreach (var (visitor, party) in new[] { (lead, "Lead collective"), (partner, "Partner network") })
        {
            await visitor.Go(grantPage);
            await Expect(visitor.Page.Locator("#agreement-sha256")).ToHaveTextAsync(version.Sha256);
            await Expect(visitor.Page.Locator("#signing-for")).ToHaveTextAsync(visitor.Text("Grant.SigningFor", party));
            await visitor.Page.GetByLabel(visitor.Text("Grant.SignConfirm", version.Sha256[..12]), new() { Exact = true }).CheckAsync();
            await visitor.Click(visitor.Text("Grant.Sign"));
            await Expect(visitor.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(visitor.Text("Grant.SignatureRecorded"));
            await Expect(visitor.Page.Locator("#grant-status")).ToHaveTextAsync(visitor.Text("GrantStatus.AwaitingSignature"));
        }

        await officer.Go(grantPage);
        await Expect(officer.Page.Locator("#agreement-signatures")).ToContainTextAsync(officer.Text("Grant.PartyWaiting", officer.Text("Grant.Funder")));
        await Expect(officer.Page.Locator("#signing-for")).ToHaveTextAsync(officer.Text("Grant.SigningFor", officer.Text("Grant.Funder")));
        await officer.Page.GetByLabel(officer.Text("Grant.SignConfirm", version.Sha256[..12]), new() { Exact = true }).CheckAsync();
        await officer.Click(officer.Text("Grant.Sign"));
        await Expect(officer.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(officer.Text("Grant.Signed"));
        await Expect(officer.Page.Locator("#grant-status")).ToHaveTextAsync(officer.Text("GrantStatus.Active"));

        foreach (var line in lead.Report.Concat(partner.Report).Concat(officer.Report))
        {
            output.WriteLine(line);
        }
    }

    private async Task<PageVisitor> SignedIn(string language, string who, string email)
    {
        var visitor = await PageVisitor.Open(host, language, who);
        await visitor.SignIn(host.Factory, email);
        return visitor;
    }
}
