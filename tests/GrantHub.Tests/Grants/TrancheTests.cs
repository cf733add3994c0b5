using System.Net;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Grants;

public class TrancheTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const string Finance2 = "finance2@granthub.local";

    [Fact]
    public async Task A_tranche_whose_planned_date_has_not_come_cannot_be_approved()
    {
        var scenario = await factory.AwardGrant(startDate: factory.Today().AddDays(10));
        await factory.Activate(scenario);

        await (await (await factory.Finance()).Approve(scenario, 1)).ShouldBreakRule("tranche-not-due");

        Assert.Equal(TrancheStatus.Planned, (await factory.Tranche(scenario, 1)).Status);
    }

    [Fact]
    public async Task Nothing_is_approved_before_the_agreement_is_signed()
    {
        var scenario = await factory.AwardGrant();

        await (await (await factory.Finance()).Approve(scenario, 1)).ShouldBreakRule("grant-not-active");
    }

    [Fact]
    public async Task A_conditional_tranche_is_not_due_until_the_previous_annual_report_is_accepted_even_when_its_date_has_passed()
    {
        var scenario = await factory.AwardGrant(startDate: factory.Today().AddMonths(-13));
        var grant = await factory.Activate(scenario);
        var finance = await factory.Finance();
        var yearOne = grant.Reports.Single(r => r.PeriodYear == 1);

        Assert.Equal([TrancheStatus.Due, TrancheStatus.Planned, TrancheStatus.Planned], grant.Tranches.Select(t => t.Status));
        await (await finance.Approve(scenario, 2)).ShouldBreakRule("tranche-not-due");

        await (await scenario.LeadMember.Client.SubmitReport(scenario, yearOne.Id)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Approve(scenario, 2)).ShouldBreakRule("tranche-not-due");

        var officer = await factory.Officer();
        await (await officer.PostJson($"{scenario.Url}/reports/{yearOne.Id}/review", new ReviewReportRequest(ReportOutcome.Accepted, null)))
            .ShouldBe(HttpStatusCode.OK);

        Assert.Equal(TrancheStatus.Due, (await factory.Tranche(scenario, 2)).Status);
        Assert.Equal(TrancheStatus.Planned, (await factory.Tranche(scenario, 3)).Status);
        await (await finance.Approve(scenario, 2)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Pay(scenario, 2, factory.Today())).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_officer_who_awarded_the_grant_can_never_approve_or_pay_it_even_as_a_finance_officer()
    {
        var awarder = await factory.NewStaffUser("ProgrammeOfficer", "FinanceOfficer");
        var scenario = await factory.AwardGrant(awardedBy: awarder.Id);
        await factory.Activate(scenario);

        await (await awarder.Client.Approve(scenario, 1)).ShouldBreakRule("maker-checker");

        var finance = await factory.Finance();
        await (await finance.Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);
        await (await awarder.Client.Pay(scenario, 1, factory.Today())).ShouldBreakRule("maker-checker");
        var tranche = await factory.Tranche(scenario, 1);
        Assert.Equal(TrancheStatus.Approved, tranche.Status);
        Assert.DoesNotContain(tranche.Approvals, a => a.OfficerId == awarder.Id);
    }

    [Fact]
    public async Task Below_the_threshold_one_approval_suffices()
    {
        var scenario = await factory.AwardGrant(amount: 90_000m, approvalThreshold: 30_000m);
        await factory.Activate(scenario);

        var tranche = await (await (await factory.Finance()).Approve(scenario, 1)).ReadAs<TrancheResponse>();

        Assert.Equal((30_000m, 1, TrancheStatus.Approved), (tranche.Amount, tranche.RequiredApprovals, tranche.Status));
    }

    [Fact]
    public async Task Above_the_threshold_two_distinct_finance_officers_approve_before_payment()
    {
        var scenario = await factory.AwardGrant(amount: 90_000m, approvalThreshold: 29_999.99m);
        await factory.Activate(scenario);
        var finance = await factory.Finance();
        var finance2 = await factory.ClientFor(Finance2);

        var first = await (await finance.Approve(scenario, 1)).ReadAs<TrancheResponse>();
        Assert.Equal((2, TrancheStatus.Due), (first.RequiredApprovals, first.Status));
        await (await finance.Approve(scenario, 1)).ShouldBreakRule("duplicate-approval");
        await (await finance.Pay(scenario, 1, factory.Today())).ShouldBreakRule("tranche-not-approved");

        var second = await (await finance2.Approve(scenario, 1)).ReadAs<TrancheResponse>();
        Assert.Equal(TrancheStatus.Approved, second.Status);
        Assert.Equal(2, second.Approvals.Select(a => a.OfficerId).Distinct().Count());
        await (await finance.Approve(scenario, 1)).ShouldBreakRule("tranche-already-approved");
        await (await finance2.Pay(scenario, 1, factory.Today())).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_rejection_starts_a_new_approval_round()
    {
        var scenario = await factory.AwardGrant(approvalThreshold: 1_000m);
        await factory.Activate(scenario);
        var finance = await factory.Finance();
        var finance2 = await factory.ClientFor(Finance2);
        await (await finance.Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);

        var rejected = await (await finance2.PostJson($"{scenario.Url}/tranches/1/approvals", new TrancheApprovalRequest(ApprovalDecision.Reject, "Bank details do not match the agreement.")))
            .ReadAs<TrancheResponse>();

        Assert.Equal(TrancheStatus.Due, rejected.Status);
        await (await finance2.Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);
        var approved = await (await finance.Approve(scenario, 1)).ReadAs<TrancheResponse>();
        Assert.Equal(TrancheStatus.Approved, approved.Status);
        Assert.Equal([1, 1, 2, 2], approved.Approvals.Select(a => a.Round));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_a_decision_is_required()
    {
        var scenario = await factory.AwardGrant();
        await factory.Activate(scenario);
        var finance = await factory.Finance();

        await (await finance.PostJson($"{scenario.Url}/tranches/1/approvals", new TrancheApprovalRequest(ApprovalDecision.Reject, null))).ShouldBeInvalid("comment");
        await (await finance.PostJson($"{scenario.Url}/tranches/1/approvals", new { comment = "ok" })).ShouldBeInvalid("decision");
        await (await finance.PostJson($"{scenario.Url}/tranches/1/approvals", new { decision = "Maybe" })).ShouldBeInvalid("decision");
    }

    [Fact]
    public async Task Recording_a_payment_moves_the_amount_to_the_funds_disbursed_and_tells_the_consortium()
    {
        var scenario = await factory.AwardGrant(amount: 90_000m);
        await factory.Activate(scenario);
        var finance = await factory.Finance();
        await (await finance.Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);

        var paid = await (await finance.Pay(scenario, 1, factory.Today(), "SWIFT-2026-0042")).ReadAs<TrancheResponse>();

        Assert.Equal((TrancheStatus.Paid, "SWIFT-2026-0042", factory.Today()), (paid.Status, paid.PaymentReference, paid.PaidOn));
        var fund = await factory.GetFund(scenario.Fund.Id);
        Assert.Equal((90_000m, 30_000m), (fund.Committed, fund.Disbursed));
        foreach (var member in new[] { scenario.LeadOwner, scenario.LeadMember, scenario.PartnerOwner })
        {
            Assert.Contains("grant-tranche-paid", await factory.NotificationKinds(member.Id));
        }

        Assert.DoesNotContain("grant-tranche-paid", await factory.NotificationKinds(scenario.Stranger.Id));
    }

    [Fact]
    public async Task A_paid_tranche_is_immutable()
    {
        var scenario = await factory.AwardGrant();
        await factory.Activate(scenario);
        await factory.ApproveAndPay(scenario, 1);
        var finance2 = await factory.ClientFor(Finance2);

        await (await finance2.Approve(scenario, 1)).ShouldBreakRule("tranche-paid");
        await (await finance2.PostJson($"{scenario.Url}/tranches/1/approvals", new TrancheApprovalRequest(ApprovalDecision.Reject, "Undo")))
            .ShouldBreakRule("tranche-paid");
        await (await finance2.Pay(scenario, 1, factory.Today(), "ANOTHER-REF")).ShouldBreakRule("tranche-paid");

        var tranche = await factory.Tranche(scenario, 1);
        Assert.Equal(TrancheStatus.Paid, tranche.Status);
        Assert.NotEqual("ANOTHER-REF", tranche.PaymentReference);
        Assert.Equal(30_000m, (await factory.GetFund(scenario.Fund.Id)).Disbursed);
    }

    [Fact]
    public async Task Concurrent_payments_of_one_tranche_record_exactly_one()
    {
        var scenario = await factory.AwardGrant(amount: 90_000m);
        await factory.Activate(scenario);
        await (await (await factory.Finance()).Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);
        var clients = new[] { await factory.Finance(), await factory.ClientFor(Finance2), await factory.Finance(), await factory.ClientFor(Finance2) };

        var responses = await Task.WhenAll(clients.Select((client, i) => client.Pay(scenario, 1, factory.Today(), $"PARALLEL-{i}")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(30_000m, (await factory.GetFund(scenario.Fund.Id)).Disbursed);
        var payments = await factory.WithDb(db => db.AuditEntries.CountAsync(a => a.ObjectId == scenario.GrantId && a.Command == "RecordTranchePayment"));
        Assert.Equal(1, payments);
    }

    [Fact]
    public async Task Changes_to_one_grant_from_stale_copies_conflict_on_the_grants_version()
    {
        var scenario = await factory.AwardGrant(approvalThreshold: 1_000m);
        await factory.Activate(scenario);
        var finance = await factory.UserId("finance@granthub.local");
        var finance2 = await factory.UserId(Finance2);
        await using var scope1 = factory.Services.CreateAsyncScope();
        await using var scope2 = factory.Services.CreateAsyncScope();
        var db1 = scope1.ServiceProvider.GetRequiredService<GrantHubDbContext>();
        var db2 = scope2.ServiceProvider.GetRequiredService<GrantHubDbContext>();
        var copy1 = await db1.Grants.WithDetails().SingleAsync(g => g.Id == scenario.GrantId);
        var copy2 = await db2.Grants.WithDetails().SingleAsync(g => g.Id == scenario.GrantId);
        var fund1 = await db1.Funds.SingleAsync(f => f.Id == copy1.FundId);
        var fund2 = await db2.Funds.SingleAsync(f => f.Id == copy2.FundId);
        var now = factory.Clock.GetUtcNow();

        copy1.DecideTranche(1, finance, ApprovalDecision.Approve, null, fund1, factory.Today(), now);
        copy2.DecideTranche(1, finance2, ApprovalDecision.Approve, null, fund2, factory.Today(), now);
        await db1.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
    }

    [Fact]
    public async Task A_payment_dated_in_the_future_or_without_reference_is_invalid()
    {
        var scenario = await factory.AwardGrant();
        await factory.Activate(scenario);
        var finance = await factory.Finance();
        await (await finance.Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);

        await (await finance.Pay(scenario, 1, factory.Today().AddDays(1))).ShouldBeInvalid("paidOn");
        await (await finance.Pay(scenario, 1, factory.Today(), "")).ShouldBeInvalid("paymentReference");
        Assert.Equal(TrancheStatus.Approved, (await factory.Tranche(scenario, 1)).Status);
    }

    [Fact]
    public async Task A_payment_cannot_be_dated_before_the_grant_was_awarded()
    {
        var scenario = await factory.AwardGrant();
        await factory.Activate(scenario);
        var finance = await factory.Finance();
        await (await finance.Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);

        await (await finance.Pay(scenario, 1, new DateOnly(2000, 1, 1))).ShouldBreakRule("payment-date-before-award");
        Assert.Equal(TrancheStatus.Approved, (await factory.Tranche(scenario, 1)).Status);
    }

    [Fact]
    public async Task An_unknown_tranche_is_not_found()
    {
        var scenario = await factory.AwardGrant();
        await factory.Activate(scenario);

        await (await (await factory.Finance()).Approve(scenario, 9)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Programme_officers_neither_approve_nor_pay()
    {
        var scenario = await factory.AwardGrant();
        await factory.Activate(scenario);
        var officer = await factory.Officer();

        await (await officer.Approve(scenario, 1)).ShouldBe(HttpStatusCode.Forbidden);
        await (await officer.Pay(scenario, 1, factory.Today())).ShouldBe(HttpStatusCode.Forbidden);
    }
}
