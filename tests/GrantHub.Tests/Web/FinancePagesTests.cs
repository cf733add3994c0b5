using System.Globalization;
using System.Net;
using GrantHub.Core.Emergency;
using GrantHub.Core.Grants;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Web;

/// <summary>The approvals and payments pages through the real pipeline: what they offer, and what they make of refusals.</summary>
public class FinancePagesTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const string Finance = "finance@granthub.local";

    [Fact]
    public async Task An_item_she_already_approved_shows_the_reason_and_no_approve_button()
    {
        var scenario = await factory.AwardGrant(amount: 90_000m, approvalThreshold: 10_000m);
        await factory.Activate(scenario);
        await (await (await factory.Finance()).Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);
        var session = await WebSession.SignedIn(factory, Finance);

        var html = WebUtility.HtmlDecode(await session.Read("/finance/approvals"));

        var card = Card(html, scenario.GrantId);
        Assert.Contains("You have already given your decision on this.", card);
        Assert.DoesNotContain("value=\"Approve\"", card);
        Assert.Contains("value=\"Reject\"", card);
        Assert.Contains("Approved by Fatima Finance", card);
    }

    [Fact]
    public async Task A_rejection_without_a_comment_is_refused_in_one_sentence_and_changes_nothing()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        var session = await WebSession.SignedIn(factory, Finance, language: "fr");
        await session.Read("/finance/approvals");

        var response = await session.Post("/finance/approvals?handler=Emergency", ("id", request.Id.ToString()), ("decision", "Reject"), ("comment", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", await WebSession.Html(response));
        Assert.Equal(EmergencyRequestStatus.Submitted, await factory.WithDb(db => db.EmergencyRequests.Where(r => r.Id == request.Id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_tranche_paid_through_the_page_records_how_it_was_received_and_a_partial_one_is_refused()
    {
        var scenario = await factory.AwardGrant(startDate: factory.Today());
        await factory.Activate(scenario);
        await (await (await factory.Finance()).Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);
        var session = await WebSession.SignedIn(factory, Finance, language: "fr");
        await session.Read("/finance/payments");
        var today = factory.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (string, string)[] payment = [("id", scenario.GrantId.ToString()), ("number", "1"), ("reference", "BANK-XOF-9"), ("paidOn", today)];

        var partial = await session.Post("/finance/payments?handler=Tranche", [.. payment, ("receivedAmount", "19 650 000"), ("receivedCurrency", "xof")]);
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Contains("role=\"alert\"", await WebSession.Html(partial));
        Assert.Equal(TrancheStatus.Approved, (await factory.Tranche(scenario, 1)).Status);

        var paid = await session.Post(
            "/finance/payments?handler=Tranche", [.. payment, ("receivedAmount", "19 650 000"), ("receivedCurrency", "xof"), ("exchangeRate", "655,957"), ("valueDate", today)]);

        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var tranche = await factory.Tranche(scenario, 1);
        Assert.Equal((TrancheStatus.Paid, 19_650_000m, "XOF", 655.957m), (tranche.Status, tranche.AsReceived!.Amount, tranche.AsReceived.Currency, tranche.AsReceived.ExchangeRate));
        var officer = await WebSession.SignedIn(factory, GrantScenarios.OfficerEmail);
        Assert.StartsWith("Received as ", WebSession.TextOf(await officer.Read($"/grants/{scenario.GrantId}"), "tranche-1-received"));
    }

    [Fact]
    public async Task Approving_and_paying_through_the_pages_moves_the_money_and_the_payment_is_then_read_only()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 2_000m));
        var session = await WebSession.SignedIn(factory, Finance);
        await session.Read("/finance/approvals");

        var approved = await session.Post("/finance/approvals?handler=Emergency", ("id", request.Id.ToString()), ("decision", "Approve"), ("comment", "Checked by phone."));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains(request.Id.ToString(), await session.Read("/finance/payments"));
        var today = factory.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var paid = await session.Post("/finance/payments?handler=Emergency", ("id", request.Id.ToString()), ("reference", "BANK-77"), ("paidOn", today));

        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal(2_000m, (await factory.GetFund(fund.Id)).Disbursed);
        var page = await session.Read("/finance/payments");
        Assert.DoesNotContain($"data-id=\"{request.Id}\"", page);
        Assert.Contains("BANK-77", page);
        var again = await session.Post("/finance/payments?handler=Emergency", ("id", request.Id.ToString()), ("reference", "BANK-78"), ("paidOn", today));
        Assert.Contains("already", await WebSession.Html(again));
        Assert.Equal("BANK-77", await factory.WithDb(db => db.EmergencyRequests.Where(r => r.Id == request.Id).Select(r => r.PaymentReference).SingleAsync()));
    }

    [Fact]
    public async Task A_release_needs_its_reason_and_then_gives_the_money_back_to_the_fund()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 2_000m));
        await (await (await factory.Finance()).Approve(request.Id)).ShouldBe(HttpStatusCode.OK);
        var session = await WebSession.SignedIn(factory, Finance);
        await session.Read("/finance/payments");

        var refused = await session.Post("/finance/payments?handler=Release", ("id", request.Id.ToString()), ("reason", ""));
        Assert.Contains("Say why the approved money will not be paid", await WebSession.Html(refused));
        Assert.Equal(2_000m, (await factory.GetFund(fund.Id)).Committed);

        var released = await session.Post("/finance/payments?handler=Release", ("id", request.Id.ToString()), ("reason", "The bank account was closed."));
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.Equal(0m, (await factory.GetFund(fund.Id)).Committed);
    }

    [Fact]
    public async Task Applicants_and_programme_officers_are_refused_the_finance_pages()
    {
        foreach (var email in new[] { "lead@granthub.local", "officer@granthub.local" })
        {
            var session = await WebSession.SignedIn(factory, email);
            foreach (var page in new[] { "/finance/approvals", "/finance/payments" })
            {
                var refused = await session.Client.GetAsync(page);
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                Assert.Equal("/error/403", refused.Headers.Location!.AbsolutePath);
            }

            Assert.DoesNotContain("/finance/approvals", await session.Read("/home"));
        }
    }

    [Fact]
    public async Task An_admin_tops_up_a_fund_on_its_page_and_a_finance_officer_is_offered_no_top_up()
    {
        var fund = await factory.CreateRapidResponseFund(budget: 10_000m);
        var admin = await WebSession.SignedIn(factory, "admin@granthub.local", language: "fr");
        await admin.Read($"/finance/funds/{fund.Id}");

        var refused = await admin.Post($"/finance/funds/{fund.Id}?handler=TopUp", ("Amount", "dix"), ("Note", ""));
        Assert.Contains("id=\"Amount-error\"", await WebSession.Html(refused));
        var toppedUp = await admin.Post($"/finance/funds/{fund.Id}?handler=TopUp", ("Amount", "2 500,50"), ("Note", "Board decision"));

        Assert.Equal(HttpStatusCode.Redirect, toppedUp.StatusCode);
        Assert.Equal(12_500.50m, (await factory.GetFund(fund.Id)).Budget);
        Assert.Contains("Board decision", await admin.Read($"/finance/funds/{fund.Id}"));
        var finance = await WebSession.SignedIn(factory, Finance);
        Assert.DoesNotContain("handler=TopUp", await finance.Read($"/finance/funds/{fund.Id}"));
        var forbidden = await finance.Post($"/finance/funds/{fund.Id}?handler=TopUp", ("Amount", "1"), ("Note", ""));
        Assert.NotEqual(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Equal(12_500.50m, (await factory.GetFund(fund.Id)).Budget);
    }

    [Fact]
    public async Task A_programme_officer_reads_the_funds_and_their_history_but_is_offered_no_top_up()
    {
        var fund = await factory.CreateRapidResponseFund(budget: 10_000m);
        var officer = await WebSession.SignedIn(factory, "officer@granthub.local");

        Assert.Contains("/finance/funds", await officer.Read("/home"));
        Assert.Contains($"/finance/funds/{fund.Id}", await officer.Read("/finance/funds"));
        Assert.DoesNotContain("handler=TopUp", await officer.Read($"/finance/funds/{fund.Id}"));
        var forbidden = await officer.Post($"/finance/funds/{fund.Id}?handler=TopUp", ("Amount", "1"), ("Note", ""));
        Assert.NotEqual(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Equal(10_000m, (await factory.GetFund(fund.Id)).Budget);
        var applicant = await WebSession.SignedIn(factory, "lead@granthub.local");
        var refused = await applicant.Client.GetAsync("/finance/funds");
        Assert.Equal("/error/403", refused.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_promise_page_of_a_period_without_any_emergency_request_draws_empty_charts()
    {
        var finance = await WebSession.SignedIn(factory, Finance);

        await finance.Read("/finance/promise?From=2001-01-01&To=2001-03-31");
    }

    private static string Card(string html, Guid id)
    {
        var start = html.IndexOf($"data-id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No card for {id}");
        var end = html.IndexOf("</li>\n    <li", start, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }
}
