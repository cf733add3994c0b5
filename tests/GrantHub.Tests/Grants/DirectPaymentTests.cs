using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Finance;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Grants;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reviews;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace GrantHub.Tests.Grants;

public class DirectPaymentTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const string Finance2 = "finance2@granthub.local";

    [Fact]
    public async Task An_officer_choosing_direct_payment_at_award_splits_each_tranche_into_one_payment_per_member_in_proportion_to_the_allocations()
    {
        var consortium = await factory.SubmittedConsortium();
        await factory.Review(consortium.Id, await factory.NewReviewer(), 5, 4);
        await factory.Review(consortium.Id, await factory.NewReviewer(), 4, 4);
        await factory.CloseCall(consortium.Call.Id);
        var start = factory.Today().AddMonths(2);
        var officer = await factory.Officer();

        var decision = await (await officer.Decide(consortium.Id, ReviewTestData.Award(90_000m, start) with { PayMembersDirectly = true }))
            .ReadAs<DecisionResponse>();

        var grant = await (await officer.GetAsync($"/api/grants/{decision.GrantId}")).ReadAs<GrantResponse>();
        var (lead, partner) = (consortium.Lead.OrganisationId, consortium.Partner.OrganisationId);
        Assert.True(grant.PaysMembersDirectly);
        Assert.Equal([(lead, 72_000m), (partner, 18_000m)], grant.Allocations.Select(a => (a.OrganisationId, a.Amount)));
        Assert.Equal(
            [
                (1, start, 36_000m, (Guid?)lead),
                (2, start, 9_000m, partner),
                (3, start.AddMonths(12), 36_000m, lead),
                (4, start.AddMonths(12), 9_000m, partner),
            ],
            grant.Tranches.Select(t => (t.Number, t.PlannedDate, t.Amount, t.PayeeOrganisationId)));
        Assert.Equal(90_000m, grant.Tranches.Sum(t => t.Amount));

        await (await officer.PostJson($"/api/grants/{grant.Id}/agreement")).ShouldBe(HttpStatusCode.Created);
        var pdf = await (await consortium.Lead.Client.GetAsync($"/api/grants/{grant.Id}/agreement")).Content.ReadAsByteArrayAsync();
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(" ", string.Join(" ", document.GetPages().Select(page => ContentOrderTextExtractor.GetText(page))).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("The Funder pays each member of the consortium its part of every instalment directly", text);
        Assert.DoesNotContain("passes on to each Partner", text);
        Assert.Contains($"Paid to {consortium.Partner.Organisation.Name}", text);
    }

    [Fact]
    public async Task A_rejection_cannot_ask_for_direct_payment()
    {
        var consortium = await factory.SubmittedConsortium();
        await factory.CloseCall(consortium.Call.Id);

        await (await (await factory.Officer()).Decide(consortium.Id, ReviewTestData.Reject("Out of scope.") with { PayMembersDirectly = true }))
            .ShouldBeInvalid("payMembersDirectly");
    }

    [Fact]
    public async Task Each_members_payment_needs_its_own_maker_checker_approvals_judged_on_the_whole_instalment_and_the_fund_disburses_each_once()
    {
        var awarder = await factory.NewStaffUser("ProgrammeOfficer", "FinanceOfficer");
        var scenario = await factory.AwardGrant(amount: 90_000m, approvalThreshold: 25_000m, awardedBy: awarder.Id, payMembersDirectly: true);
        await factory.Activate(scenario);
        var finance = await factory.Finance();
        var finance2 = await factory.ClientFor(Finance2);

        var leadPart = await factory.Tranche(scenario, 1);
        var partnerPart = await factory.Tranche(scenario, 2);
        Assert.Equal((20_000m, scenario.LeadOrganisationId, 2), (leadPart.Amount, leadPart.PayeeOrganisationId, leadPart.RequiredApprovals));
        Assert.Equal((10_000m, scenario.PartnerOrganisationId, 2), (partnerPart.Amount, partnerPart.PayeeOrganisationId, partnerPart.RequiredApprovals));

        await (await awarder.Client.Approve(scenario, 2)).ShouldBreakRule("maker-checker");
        await (await finance.Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Pay(scenario, 1, factory.Today())).ShouldBreakRule("tranche-not-approved");
        await (await finance2.Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Pay(scenario, 1, factory.Today())).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(TrancheStatus.Due, (await factory.Tranche(scenario, 2)).Status);
        await (await finance.Pay(scenario, 2, factory.Today())).ShouldBreakRule("tranche-not-approved");
        var queued = Assert.Single((await (await finance.GetAsync("/api/finance/queue")).ReadAs<FinanceQueueResponse>()).AwaitingDecision,
            i => i.Id == scenario.GrantId);
        Assert.Equal((2, scenario.PartnerOrganisationId, 10_000m, 2), (queued.TrancheNumber, queued.OrganisationId, queued.Amount, queued.RequiredApprovals));

        await (await finance.Approve(scenario, 2)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Approve(scenario, 2)).ShouldBreakRule("duplicate-approval");
        await (await finance2.Approve(scenario, 2)).ShouldBe(HttpStatusCode.OK);
        await (await finance2.Pay(scenario, 2, factory.Today())).ShouldBe(HttpStatusCode.OK);
        await (await finance2.Pay(scenario, 2, factory.Today())).ShouldBreakRule("tranche-paid");

        var fund = await factory.GetFund(scenario.Fund.Id);
        Assert.Equal((90_000m, 30_000m), (fund.Committed, fund.Disbursed));
        var today = factory.Today().ToString("yyyy-MM-dd");
        var payments = await (await finance.GetAsync($"/api/finance/payments?from={today}&to={today}")).ReadAs<PaymentsResponse>();
        Assert.Equal(
            [(1, "Lead collective", 20_000m), (2, "Partner network", 10_000m)],
            payments.Items.Where(p => p.Id == scenario.GrantId).OrderBy(p => p.TrancheNumber).Select(p => (p.TrancheNumber, p.Payee, p.Amount)));
    }
}
