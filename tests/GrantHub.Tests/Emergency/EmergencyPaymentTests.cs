using System.Net;
using GrantHub.Api.Features.Emergency;
using GrantHub.Core.Emergency;
using GrantHub.Core.Identity;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Emergency;

public class EmergencyPaymentTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task A_request_goes_from_submission_through_two_approvals_to_payment()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(budget: 30_000m, approvalThreshold: 2_000m);
        var finance = await factory.Finance();
        var finance2 = await factory.Finance2();

        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 7_250m));
        await (await finance.Approve(request.Id, "Threat assessment on file.")).ShouldBe(HttpStatusCode.OK);
        await (await finance2.Approve(request.Id)).ShouldBe(HttpStatusCode.OK);
        var paid = await (await finance.Pay(request.Id, factory.Today(), "SWIFT-REF-88121")).ReadAs<EmergencyRequestResponse>();

        Assert.Equal(EmergencyRequestStatus.Paid, paid.Status);
        Assert.Equal("SWIFT-REF-88121", paid.PaymentReference);
        Assert.Equal(factory.Today(), paid.PaidOn);
        var after = await factory.GetFund(fund.Id);
        Assert.Equal(7_250m, after.Committed);
        Assert.Equal(7_250m, after.Disbursed);
        Assert.Equal(22_750m, after.Available);
        var seen = await (await member.Client.GetAsync($"{EmergencyTestData.Url}/{request.Id}")).ReadAs<EmergencyRequestResponse>();
        Assert.Equal(EmergencyRequestStatus.Paid, seen.Status);
        Assert.Equal(2, seen.Approvals.Count);
    }

    [Fact]
    public async Task The_organisation_and_the_entering_officer_hear_of_the_decision_and_the_payment()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var officer = await factory.Officer();
        var request = await officer.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 500m));
        var finance = await factory.Finance();
        await (await finance.Approve(request.Id)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Pay(request.Id, factory.Today())).ShouldBe(HttpStatusCode.OK);

        var officerId = await factory.UserId("officer@granthub.local");
        var notified = await factory.WithDb(db => db.Notifications
            .Where(n => n.DeduplicationKey.StartsWith($"emergency-decided:{request.Id}") || n.DeduplicationKey.StartsWith($"emergency-paid:{request.Id}"))
            .Select(n => new { n.RecipientUserId, n.DeduplicationKey, n.Subject })
            .ToListAsync());
        Assert.Equal(4, notified.Count);
        Assert.Equal(2, notified.Count(n => n.RecipientUserId == member.UserId));
        Assert.Equal(2, notified.Count(n => n.RecipientUserId == officerId));
        var mine = await (await member.Client.GetAsync("/api/me/notifications")).ReadJson();
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), n => n.GetProperty("subject").GetString()!.Contains("paid"));
    }

    [Fact]
    public async Task Paid_is_final_so_a_second_payment_is_refused_and_disburses_nothing_more()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var finance = await factory.Finance();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 800m));
        await (await finance.Approve(request.Id)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Pay(request.Id, factory.Today(), "REF-1")).ShouldBe(HttpStatusCode.OK);

        await (await (await factory.Finance2()).Pay(request.Id, factory.Today(), "REF-2")).ShouldBreakRule("payment-already-recorded");

        Assert.Equal(800m, (await factory.GetFund(fund.Id)).Disbursed);
        var seen = await (await finance.GetAsync($"{EmergencyTestData.Url}/{request.Id}")).ReadAs<EmergencyRequestResponse>();
        Assert.Equal("REF-1", seen.PaymentReference);
    }

    [Fact]
    public async Task Only_an_approved_request_can_be_paid()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var finance = await factory.Finance();
        var submitted = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        var rejected = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        await (await finance.Reject(rejected.Id, "Duplicate of an earlier request.")).ShouldBe(HttpStatusCode.OK);

        await (await finance.Pay(submitted.Id, factory.Today())).ShouldBreakRule("emergency-not-approved");
        await (await finance.Pay(rejected.Id, factory.Today())).ShouldBreakRule("emergency-not-approved");

        Assert.Equal(0m, (await factory.GetFund(fund.Id)).Disbursed);
    }

    [Fact]
    public async Task Whoever_entered_the_request_cannot_pay_it_but_an_approver_may()
    {
        // Not a member of the organisation (that would be the related-party rule): she entered the request for it.
        var member = await factory.NewOrganisationMember();
        var (officerAndFinance, _) = await factory.NewStaff(Roles.ProgrammeOfficer, Roles.FinanceOfficer);
        var fund = await factory.CreateRapidResponseFund();
        var request = await officerAndFinance.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 300m));
        var finance = await factory.Finance();
        await (await finance.Approve(request.Id)).ShouldBe(HttpStatusCode.OK);

        await (await officerAndFinance.Pay(request.Id, factory.Today())).ShouldBreakRule("maker-checker");

        await (await finance.Pay(request.Id, factory.Today())).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Payment_needs_a_reference_and_a_date_that_is_not_in_the_future_nor_before_the_request()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var finance = await factory.Finance();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        await (await finance.Approve(request.Id)).ShouldBe(HttpStatusCode.OK);

        await (await finance.Pay(request.Id, factory.Today(), reference: " ")).ShouldBeInvalid("paymentReference");
        await (await finance.Pay(request.Id, factory.Today(), reference: new string('r', EmergencyRequest.MaxPaymentReferenceLength + 1))).ShouldBeInvalid("paymentReference");
        await (await finance.Pay(request.Id, factory.Today().AddDays(1))).ShouldBeInvalid("paidOn");
        await (await finance.Pay(request.Id, factory.Today().AddDays(-1))).ShouldBeInvalid("paidOn");
        await (await finance.PostJson($"{EmergencyTestData.Url}/{request.Id}/payment", new { paymentReference = "X", paidOn = "yesterday" })).ShouldBeInvalid("paidOn");

        Assert.Equal(0m, (await factory.GetFund(fund.Id)).Disbursed);
    }

    [Theory]
    [InlineData("officer@granthub.local")]
    [InlineData("admin@granthub.local")]
    [InlineData("reviewer@granthub.local")]
    public async Task Only_finance_officers_record_payments(string email)
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        await (await (await factory.Finance()).Approve(request.Id)).ShouldBe(HttpStatusCode.OK);

        await (await (await factory.ClientFor(email)).Pay(request.Id, factory.Today())).ShouldBe(HttpStatusCode.Forbidden);
        await (await member.Client.Pay(request.Id, factory.Today())).ShouldBe(HttpStatusCode.Forbidden);
    }
}
