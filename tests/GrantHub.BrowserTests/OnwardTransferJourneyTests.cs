using GrantHub.Tests.Grants;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantHub.BrowserTests;

/// <summary>
/// Money reaching a partner, in the browser, in English and in French: after the first tranche is paid to the lead
/// (set up through the API), the lead records the partner's share on the grant page, the partner confirms receipt on
/// hers, and the programme officer reads on his grant page that the share is no longer outstanding.
/// </summary>
[Trait("Category", "Browser")]
public class OnwardTransferJourneyTests(BrowserHost host, ITestOutputHelper output) : IClassFixture<BrowserHost>
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task The_lead_records_a_partners_share_the_partner_confirms_it_and_the_officer_sees_it_settled(string language)
    {
        var factory = host.Factory;
        var scenario = await factory.GrantWithFirstTranchePaid();
        var grantPage = $"/grants/{scenario.GrantId}";
        var status = $"#share-1-{scenario.PartnerOrganisationId}-status";
        var lead = await PageVisitor.Open(host, language, "lead");
        var partner = await PageVisitor.Open(host, language, "partner");
        var officer = await PageVisitor.Open(host, language, "officer");

        await lead.SignIn(factory, scenario.LeadOwner.Email);
        await lead.Go(grantPage);
        await Expect(lead.Page.Locator(status)).ToHaveTextAsync(lead.Text("OnwardShareStatus.NotTransferred"));
        await lead.Fill(lead.Text("Grant.TransferReference"), "TRF-2026-0007");
        await lead.Click(lead.Text("Grant.RecordTransferButton"));
        await Expect(lead.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(lead.Text("Grant.TransferRecorded"));
        await Expect(lead.Page.Locator(status)).ToHaveTextAsync(lead.Text("OnwardShareStatus.AwaitingConfirmation"));

        await officer.SignIn(factory, GrantScenarios.OfficerEmail);
        await officer.Go(grantPage);
        await Expect(officer.Page.Locator(status)).ToHaveTextAsync(officer.Text("OnwardShareStatus.AwaitingConfirmation"));

        await partner.SignIn(factory, scenario.PartnerOwner.Email);
        await partner.Go(grantPage);
        await Expect(partner.Page.Locator("main")).ToContainTextAsync("TRF-2026-0007");
        await partner.Click(partner.Text("Grant.ConfirmReceipt"));
        await Expect(partner.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(partner.Text("Grant.TransferConfirmed"));

        await officer.Go(grantPage);
        await Expect(officer.Page.Locator(status)).ToHaveTextAsync(officer.Text("OnwardShareStatus.Confirmed"));

        foreach (var line in lead.Report.Concat(partner.Report).Concat(officer.Report))
        {
            output.WriteLine(line);
        }
    }
}
