using System.Globalization;
using System.Net;
using GrantHub.Api.Features.Users;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Identity;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantHub.BrowserTests;

/// <summary>
/// Finance and administration in the browser, in English and in French: two finance officers approve a tranche above
/// the fund's threshold (the first cannot approve twice, the officer who awarded it is shown no button), a payment is
/// recorded and the fund's figures change on screen, an emergency request is approved and paid within the promise.
/// </summary>
[Trait("Category", "Browser")]
public class FinanceJourneyTests(BrowserHost host, ITestOutputHelper output) : IClassFixture<BrowserHost>
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task Finance_officers_clear_their_queue_and_pay_and_the_fund_s_figures_follow(string language)
    {
        var factory = host.Factory;
        var makerEmail = $"maker-{Guid.NewGuid():N}@granthub.local";
        var admin = await factory.Admin();
        var maker = await (await admin.PostJson("/api/users", new CreateStaffUserCommand(makerEmail, DemoData.Password, "Maud Maker", [Roles.FinanceOfficer, Roles.ProgrammeOfficer])))
            .ReadAs<StaffUserResponse>(HttpStatusCode.Created);
        var scenario = await factory.AwardGrant(amount: 90_000m, approvalThreshold: 10_000m, awardedBy: maker.Id);
        await factory.Activate(scenario);
        var grantNumber = (await factory.GetGrant(scenario)).GrantNumber;
        var tranche = $"li[data-id='{scenario.GrantId}'][data-number='1']";

        var fatima = await SignedIn(language, "finance", "finance@granthub.local");
        var frida = await SignedIn(language, "finance2", "finance2@granthub.local");
        var maud = await SignedIn(language, "maker", makerEmail);

        // The first officer approves with a comment; she is then told she has decided, and offered no approve button.
        await Menu(fatima, "Layout.Approvals");
        var card = fatima.Page.Locator(tranche);
        await Expect(card).ToContainTextAsync(fatima.Text("Finance.TrancheItem", 1, grantNumber));
        await card.GetByLabel(fatima.Text("Finance.Comment"), new() { Exact = true }).FillAsync("Report accepted, bank details checked.");
        await fatima.Navigate(() => card.GetByRole(AriaRole.Button, new() { Name = fatima.Text("Finance.Approve"), Exact = true }).ClickAsync());
        await Expect(fatima.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(fatima.Text("Finance.Approved"));
        await Expect(card).ToContainTextAsync(fatima.Text("Rule.duplicate-approval"));
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = fatima.Text("Finance.Approve"), Exact = true })).ToHaveCountAsync(0);

        // The officer who awarded the grant sees why she may not approve, and no button.
        await maud.Go("/finance/approvals");
        await Expect(maud.Page.Locator(tranche)).ToContainTextAsync(maud.Text("Rule.maker-checker"));
        await Expect(maud.Page.Locator(tranche).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        // The second officer sees the first approval and gives the second.
        await frida.Go("/finance/approvals");
        await Expect(frida.Page.Locator(tranche)).ToContainTextAsync("Fatima Finance");
        await Expect(frida.Page.Locator(tranche)).ToContainTextAsync("Report accepted, bank details checked.");
        await frida.Navigate(() => frida.Page.Locator(tranche).GetByRole(AriaRole.Button, new() { Name = frida.Text("Finance.Approve"), Exact = true }).ClickAsync());
        await Expect(frida.Page.Locator(tranche)).ToHaveCountAsync(0);

        // The payment is recorded and the fund's figures change on its page.
        await fatima.Go($"/finance/funds/{scenario.Fund.Id}");
        var disbursedBefore = await fatima.Page.Locator("#fund-disbursed").InnerTextAsync();
        await Menu(fatima, "Layout.Payments");
        var toPay = fatima.Page.Locator(tranche);
        await toPay.GetByLabel(fatima.Text("Finance.Reference"), new() { Exact = true }).FillAsync($"BANK-{language}-1");
        await fatima.Navigate(() => toPay.GetByRole(AriaRole.Button, new() { Name = fatima.Text("Finance.RecordPayment"), Exact = true }).ClickAsync());
        await Expect(fatima.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(fatima.Text("Finance.PaymentRecorded"));
        await Expect(fatima.Page.Locator("#recorded")).ToContainTextAsync($"BANK-{language}-1");
        await Menu(fatima, "Layout.Funds");
        await fatima.Navigate(() => fatima.Page.GetByRole(AriaRole.Link, new() { Name = scenario.Fund.Name, Exact = true }).ClickAsync());
        var disbursedAfter = await fatima.Page.Locator("#fund-disbursed").InnerTextAsync();
        Assert.NotEqual(disbursedBefore, disbursedAfter);
        var paid = await factory.WithDb(db => db.Funds.Where(f => f.Id == scenario.Fund.Id).Select(f => f.Disbursed).SingleAsync());
        Assert.Equal(InCulture(language, () => GrantHub.Api.Web.WebText.Amount(paid.Amount, "EUR")), disbursedAfter.Trim());

        // An emergency request is approved and paid on the same screens, within the promise.
        var member = await factory.NewOrganisationMember();
        var emergencyFund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, emergencyFund.Id, amount: 1_800m));
        await Menu(fatima, "Layout.Approvals");
        var emergency = fatima.Page.Locator($"li[data-id='{request.Id}']");
        await Expect(emergency.Locator(".clock")).ToHaveTextAsync(fatima.Text("Finance.TimeLeft", 72, 0));
        await fatima.Navigate(() => emergency.GetByRole(AriaRole.Button, new() { Name = fatima.Text("Finance.Approve"), Exact = true }).ClickAsync());
        await Menu(fatima, "Layout.Payments");
        var emergencyToPay = fatima.Page.Locator($"li[data-id='{request.Id}']");
        await emergencyToPay.GetByLabel(fatima.Text("Finance.Reference"), new() { Exact = true }).FillAsync($"URG-{language}");
        await fatima.Navigate(() => emergencyToPay.GetByRole(AriaRole.Button, new() { Name = fatima.Text("Finance.RecordPayment"), Exact = true }).ClickAsync());
        await Expect(fatima.Page.Locator("#recorded")).ToContainTextAsync($"URG-{language}");

        // It appears on the promise dashboard: decided within the promise, drawn as a bar of the fund's chart.
        await Menu(fatima, "Layout.Promise");
        var row = fatima.Page.Locator($"#chart-times-fund-table tr[data-key='{emergencyFund.Id}']");
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("1");
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("0");
        await Expect(fatima.Page.Locator("#chart-times-fund rect title", new() { HasText = emergencyFund.Name })).ToHaveCountAsync(2);

        foreach (var line in fatima.Report.Concat(frida.Report).Concat(maud.Report))
        {
            output.WriteLine(line);
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task An_admin_disables_an_account_and_that_person_s_open_session_stops_working(string language)
    {
        var factory = host.Factory;
        var email = $"reviewer-{Guid.NewGuid():N}@granthub.local";
        var admin = await factory.Admin();
        await (await admin.PostJson("/api/users", new CreateStaffUserCommand(email, DemoData.Password, "Rita Reviewer", [Roles.Reviewer]))).ShouldBe(HttpStatusCode.Created);
        var rita = await SignedIn(language, "reviewer", email);
        var ada = await SignedIn(language, "admin", "admin@granthub.local");

        await Menu(ada, "Layout.Admin");
        var account = ada.Page.Locator($"tr[data-email='{email}']");
        await ada.Navigate(() => account.GetByRole(AriaRole.Button, new() { Name = ada.Text("Admin.DisableUser", email), Exact = true }).ClickAsync());
        await Expect(ada.Page.GetByRole(AriaRole.Status)).ToContainTextAsync(ada.Text("Admin.UserDisabled"));
        await Expect(account).ToContainTextAsync(ada.Text("Admin.Disabled"));

        // Her open tab is signed out at its next request.
        await rita.Go("/home");
        Assert.Contains("/account/login", rita.Page.Url);

        // The other administration screens, checked like every page.
        await ada.Navigate(() => ada.Page.GetByRole(AriaRole.Link, new() { Name = ada.Text("Admin.AuditTitle"), Exact = true }).ClickAsync());
        await ada.Navigate(() => ada.Page.GetByRole(AriaRole.Button, new() { Name = ada.Text("Admin.Verify"), Exact = true }).ClickAsync());
        await Expect(ada.Page.Locator("#verification.notice")).ToBeVisibleAsync();
        await ada.Navigate(() => ada.Page.GetByRole(AriaRole.Link, new() { Name = ada.Text("Admin.SettingsTitle"), Exact = true }).ClickAsync());
        await Expect(ada.Page.Locator("#settings")).ToContainTextAsync("Emergency:DecisionPromiseHours");

        // Her own second factor: on, with its recovery codes counted.
        await Menu(ada, "Layout.TwoFactor");
        await Expect(ada.Page.Locator("#two-factor-status")).ToHaveTextAsync(ada.Text("TwoFactor.StatusOn"));
        await Menu(ada, "Layout.Funds");
        await Menu(ada, "Layout.Promise");

        foreach (var line in ada.Report.Concat(rita.Report))
        {
            output.WriteLine(line);
        }
    }

    private static Task Menu(PageVisitor visitor, string key) =>
        visitor.Navigate(() => visitor.Page.GetByRole(AriaRole.Navigation, new() { Name = visitor.Text("Layout.Navigation"), Exact = true }).GetByRole(AriaRole.Link, new() { Name = visitor.Text(key), Exact = true }).ClickAsync());

    private async Task<PageVisitor> SignedIn(string language, string who, string email)
    {
        var visitor = await PageVisitor.Open(host, language, who);
        await visitor.SignIn(host.Factory, email);
        return visitor;
    }

    /// <summary>Formats as the server does for a visitor of this language.</summary>
    private static string InCulture(string language, Func<string> format)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(language);
        try
        {
            return format();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
