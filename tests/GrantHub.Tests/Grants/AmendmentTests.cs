using System.Net;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Grants;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Grants;

public class AmendmentTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private static AmendGrantRequest Extension(DateOnly newEndDate) => new(AmendmentKind.NoCostExtension, newEndDate, null, "Elections delayed the programme.");

    private static AmendGrantRequest TopUp(decimal amount) => new(AmendmentKind.TopUp, null, amount, "Relocation costs for threatened staff.");

    private async Task<GrantAmendmentResponse> Amend(GrantScenario scenario, AmendGrantRequest request)
    {
        var officer = await factory.Officer();
        var response = await officer.PostJson($"{scenario.Url}/amendments", request);
        Assert.Equal(scenario.Url, response.Headers.Location?.OriginalString);
        return await response.ReadAs<GrantAmendmentResponse>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_no_cost_extension_moves_the_end_date_and_the_final_report_and_needs_a_new_signature()
    {
        var scenario = await factory.AwardGrant(startDate: new DateOnly(2026, 1, 1), durationMonths: 24);
        var signed = await factory.Activate(scenario);

        var amendment = await Amend(scenario, Extension(new DateOnly(2027, 12, 31).AddMonths(3)));

        Assert.Equal((new DateOnly(2027, 12, 31), new DateOnly(2028, 3, 31), 2), (amendment.PreviousEndDate, amendment.NewEndDate!.Value, amendment.AgreementVersion));
        Assert.Null(amendment.EffectiveAt);
        var grant = await factory.GetGrant(scenario);
        Assert.Equal((GrantStatus.Active, new DateOnly(2028, 3, 31)), (grant.Status, grant.EndDate));
        Assert.Equal(
            [(ReportKind.Annual, 1, new DateOnly(2027, 3, 1)), (ReportKind.Annual, 2, new DateOnly(2028, 2, 29)), (ReportKind.Final, 3, new DateOnly(2028, 5, 30))],
            grant.Reports.Select(r => (r.Kind, r.PeriodYear, r.DueOn)));
        Assert.Equal(signed.Reports.Select(r => r.Id), grant.Reports.Take(2).Select(r => r.Id));
        Assert.Equal(2, grant.AgreementVersions.Count);
        Assert.Null(grant.AgreementVersions[1].SignedAt);
        Assert.Contains("grant-agreement-ready", await factory.NotificationKinds(scenario.LeadOwner.Id));

        var sha256 = grant.AgreementVersions[1].Sha256;
        var leadSigned = await (await scenario.LeadOwner.SignAgreement(scenario, sha256, scenario.LeadOrganisationId)).ReadAs<GrantResponse>();
        Assert.Equal(GrantStatus.Active, leadSigned.Status);
        Assert.Null(Assert.Single(leadSigned.Amendments).EffectiveAt);

        var afterSigning = await factory.SignByEveryPartyButTheLead(scenario, sha256);
        Assert.Equal(factory.StoredNow, Assert.Single(afterSigning.Amendments).EffectiveAt);
    }

    [Fact]
    public async Task An_extension_within_the_same_grant_year_only_moves_the_final_report()
    {
        var scenario = await factory.AwardGrant(startDate: new DateOnly(2026, 1, 1), durationMonths: 18);
        await factory.Activate(scenario);

        await Amend(scenario, Extension(new DateOnly(2027, 9, 30)));

        var grant = await factory.GetGrant(scenario);
        Assert.Equal(
            [(ReportKind.Annual, 1, new DateOnly(2027, 3, 1)), (ReportKind.Final, 2, new DateOnly(2027, 11, 29))],
            grant.Reports.Select(r => (r.Kind, r.PeriodYear, r.DueOn)));
    }

    [Fact]
    public async Task An_extension_must_end_later_than_the_grant_does()
    {
        var scenario = await factory.AwardGrant(startDate: new DateOnly(2026, 1, 1), durationMonths: 24);
        await factory.Activate(scenario);

        await (await (await factory.Officer()).PostJson($"{scenario.Url}/amendments", Extension(new DateOnly(2027, 12, 31))))
            .ShouldBreakRule("extension-not-later");
        Assert.Empty((await factory.GetGrant(scenario)).Amendments);
    }

    [Fact]
    public async Task An_extension_cannot_stretch_a_grant_beyond_ten_years()
    {
        var scenario = await factory.AwardGrant(startDate: new DateOnly(2026, 1, 1), durationMonths: 24);
        await factory.Activate(scenario);

        await (await (await factory.Officer()).PostJson($"{scenario.Url}/amendments", Extension(new DateOnly(2036, 1, 2))))
            .ShouldBreakRule("extension-too-long");
        Assert.Empty((await factory.GetGrant(scenario)).Amendments);
    }

    [Fact]
    public async Task An_amendment_states_only_what_its_kind_needs()
    {
        var scenario = await factory.AwardGrant();
        var officer = await factory.Officer();
        var url = $"{scenario.Url}/amendments";

        await (await officer.PostJson(url, new AmendGrantRequest(AmendmentKind.NoCostExtension, null, null, "Later"))).ShouldBeInvalid("newEndDate");
        await (await officer.PostJson(url, new AmendGrantRequest(AmendmentKind.NoCostExtension, factory.Today().AddYears(5), 10m, "Later"))).ShouldBeInvalid("amount");
        await (await officer.PostJson(url, new AmendGrantRequest(AmendmentKind.TopUp, null, null, "More"))).ShouldBeInvalid("amount");
        await (await officer.PostJson(url, TopUp(10.001m))).ShouldBeInvalid("amount");
        await (await officer.PostJson(url, new AmendGrantRequest(AmendmentKind.TopUp, null, 10m, ""))).ShouldBeInvalid("reason");
        await (await officer.PostJson(url, new { newEndDate = "2031-01-01", reason = "No kind" })).ShouldBeInvalid("kind");
    }

    [Fact]
    public async Task A_top_up_is_committed_against_the_fund_and_paid_as_a_new_tranche_once_the_new_version_is_signed()
    {
        var scenario = await factory.AwardGrant(amount: 90_000m, durationMonths: 36);
        await factory.Activate(scenario);

        var amendment = await Amend(scenario, TopUp(15_000m));

        var fund = await factory.GetFund(scenario.Fund.Id);
        Assert.Equal((105_000m, 895_000m), (fund.Committed, fund.Available));
        var grant = await factory.GetGrant(scenario);
        Assert.Equal(105_000m, grant.Amount);
        Assert.Equal([70_000m, 35_000m], grant.Allocations.Select(a => a.Amount));
        var added = grant.Tranches.Single(t => t.Number == 4);
        Assert.Equal((15_000m, factory.Today(), TrancheCondition.None, TrancheStatus.Planned), (added.Amount, added.PlannedDate, added.Condition, added.Status));
        Assert.Equal(amendment.Id, (await factory.Tranche(scenario, 4)).AmendmentId);
        await (await (await factory.Finance()).Approve(scenario, 4)).ShouldBreakRule("tranche-not-due");

        await (await scenario.LeadOwner.SignAgreement(scenario, grant.AgreementVersions[1].Sha256, scenario.LeadOrganisationId)).ShouldBe(HttpStatusCode.OK);
        await (await scenario.PartnerOwner.SignAgreement(scenario, grant.AgreementVersions[1].Sha256, scenario.PartnerOrganisationId)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(TrancheStatus.Planned, (await factory.Tranche(scenario, 4)).Status);

        await (await (await factory.Officer()).PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest(grant.AgreementVersions[1].Sha256)))
            .ShouldBe(HttpStatusCode.OK);

        Assert.Equal(TrancheStatus.Due, (await factory.Tranche(scenario, 4)).Status);
        await factory.ApproveAndPay(scenario, 4);
    }

    [Fact]
    public async Task A_top_up_the_fund_cannot_cover_is_a_conflict_and_changes_nothing()
    {
        var scenario = await factory.AwardGrant(amount: 90_000m, fundBudget: 100_000m);
        await factory.Activate(scenario);

        await (await (await factory.Officer()).PostJson($"{scenario.Url}/amendments", TopUp(10_000.01m))).ShouldBreakRule("fund-insufficient");

        var fund = await factory.GetFund(scenario.Fund.Id);
        Assert.Equal((90_000m, 10_000m), (fund.Committed, fund.Available));
        var grant = await factory.GetGrant(scenario);
        Assert.Equal((90_000m, 3, 1), (grant.Amount, grant.Tranches.Count, grant.AgreementVersions.Count));
        Assert.Empty(grant.Amendments);
    }

    [Fact]
    public async Task A_top_up_of_exactly_what_is_left_in_the_fund_succeeds()
    {
        var scenario = await factory.AwardGrant(amount: 90_000m, fundBudget: 100_000m);
        await factory.Activate(scenario);

        await Amend(scenario, TopUp(10_000m));

        Assert.Equal(0m, (await factory.GetFund(scenario.Fund.Id)).Available);
    }

    [Fact]
    public async Task A_terminated_grant_cannot_be_amended()
    {
        var scenario = await factory.AwardGrant();
        var officer = await factory.Officer();
        await (await officer.PostJson($"{scenario.Url}/terminate", new TerminateGrantRequest("Organisation dissolved."))).ShouldBe(HttpStatusCode.OK);

        await (await officer.PostJson($"{scenario.Url}/amendments", TopUp(10m))).ShouldBreakRule("grant-ended");
    }

    [Fact]
    public async Task Finance_officers_do_not_amend_grants()
    {
        var scenario = await factory.AwardGrant();

        await (await (await factory.Finance()).PostJson($"{scenario.Url}/amendments", TopUp(10m))).ShouldBe(HttpStatusCode.Forbidden);
    }
}
