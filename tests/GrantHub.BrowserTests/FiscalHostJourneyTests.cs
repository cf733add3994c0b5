using GrantHub.Api.Features.Applications;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Organisations;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantHub.BrowserTests;

/// <summary>
/// A group without registration names a registered fiscal host and its fee on its application page; the host's owner,
/// in her own browser, reads what she is asked and consents; the group then submits. Once in English, once in French.
/// </summary>
[Trait("Category", "Browser")]
public class FiscalHostJourneyTests(BrowserHost host, ITestOutputHelper output) : IClassFixture<BrowserHost>
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task An_unregistered_group_applies_through_a_host_that_consents_in_its_own_browser(string language)
    {
        var factory = host.Factory;
        var call = await factory.OpenCall();
        var group = await factory.NewUnregisteredGroup();
        var partner = await factory.NewOrganisation("BI");
        var hostOrganisation = await factory.NewOrganisation("NP");
        var application = await group.Draft(call);
        await group.Invite(application.Id, partner);
        await group.Budget(application.Id, new BudgetLineInput(group.OrganisationId, 1, 70_000m), new BudgetLineInput(partner.OrganisationId, 1, 10_000m));
        await partner.Confirm(application.Id);
        var lead = await PageVisitor.Open(host, language, "group");
        var fiscalHost = await PageVisitor.Open(host, language, "host");

        await lead.SignIn(factory, group.Email);
        await lead.Go($"/applications/{application.Id}");
        await lead.Fill(lead.Text("Field.FiscalHostOrganisationId"), hostOrganisation.OrganisationId.ToString());
        await lead.Fill(lead.Text("Field.FiscalHostFeePercent"), language == "fr" ? "7,5" : "7.5");
        await lead.Click(lead.Text("Application.NameFiscalHost"));
        await Expect(lead.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(lead.Text("Application.FiscalHostNamed"));
        await Expect(lead.Page.Locator("#checklist")).ToContainTextAsync(lead.Text("Rule.fiscal-host-not-consented"));

        await fiscalHost.SignIn(factory, hostOrganisation.Email);
        await fiscalHost.Go($"/applications/{application.Id}/fiscal-host");
        await Expect(fiscalHost.Page.Locator("#host-fee")).ToContainTextAsync(language == "fr" ? "7,5" : "7.5");
        await fiscalHost.Click(fiscalHost.Text("FiscalHost.Consent"));
        await Expect(fiscalHost.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(fiscalHost.Text("FiscalHost.Consented"));
        await Expect(fiscalHost.Page.Locator("#host-answer")).ToHaveTextAsync(fiscalHost.Text("FiscalHostConsent.Consented"));

        await lead.Go($"/applications/{application.Id}");
        await Expect(lead.Page.Locator("#fiscal-host")).ToContainTextAsync(lead.Text("FiscalHostConsent.Consented"));
        await Expect(lead.Page.Locator("main")).ToContainTextAsync(lead.Text("Application.Ready"));
        await lead.Click(lead.Text("Application.Submit"));
        await Expect(lead.Page.Locator("#application-status")).ToHaveTextAsync(lead.Text("ApplicationStatus.Submitted"));

        foreach (var line in lead.Report.Concat(fiscalHost.Report))
        {
            output.WriteLine(line);
        }
    }
}
