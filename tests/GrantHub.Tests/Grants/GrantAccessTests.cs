using System.Net;
using System.Text.Json;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Core.Grants;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Grants;

public class GrantAccessTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Grant_reads_exactly_as_the_design_shapes_it()
    {
        var scenario = await factory.AwardGrant(amount: 90_000m, startDate: new DateOnly(2027, 1, 1), durationMonths: 36);
        var officer = await factory.Officer();

        var grant = await (await officer.GetAsync(scenario.Url)).ReadJson();

        Assert.Equal(
            ["id", "grantNumber", "applicationId", "fundId", "leadOrganisationId", "status", "amount", "currency", "startDate", "endDate",
             "allocations", "tranches", "reports", "agreementVersions", "amendments", "paysMembersDirectly", "fiscalHost"],
            grant.EnumerateObject().Select(p => p.Name));
        Assert.Equal("AwaitingSignature", grant.GetProperty("status").GetString());
        Assert.Equal(90_000m, grant.GetProperty("amount").GetDecimal());
        Assert.Equal("2027-01-01", grant.GetProperty("startDate").GetString());
        Assert.Equal("2029-12-31", grant.GetProperty("endDate").GetString());
        Assert.Matches(@"^GH-2026-\d{4}$", grant.GetProperty("grantNumber").GetString());
        Assert.Equal(["organisationId", "amount"], grant.GetProperty("allocations")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(scenario.LeadOrganisationId, grant.GetProperty("allocations")[0].GetProperty("organisationId").GetGuid());
        Assert.Equal(60_000m, grant.GetProperty("allocations")[0].GetProperty("amount").GetDecimal());
        var tranche = grant.GetProperty("tranches")[1];
        Assert.Equal(["number", "amount", "plannedDate", "condition", "status", "payeeOrganisationId"], tranche.EnumerateObject().Select(p => p.Name));
        Assert.Equal("PreviousAnnualReportAccepted", tranche.GetProperty("condition").GetString());
        Assert.Equal("2028-01-01", tranche.GetProperty("plannedDate").GetString());
        var report = grant.GetProperty("reports")[0];
        Assert.Equal(["id", "kind", "periodYear", "dueOn", "status"], report.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2028-02-29", report.GetProperty("dueOn").GetString());
        Assert.Equal(JsonValueKind.Array, grant.GetProperty("agreementVersions").ValueKind);
    }

    [Fact]
    public async Task Awarding_commits_the_amount_against_the_fund_and_numbers_grants_uniquely()
    {
        var first = await factory.AwardGrant(amount: 90_000m);
        var second = await factory.AwardGrant(amount: 50_000m);

        var fund = await factory.GetFund(first.Fund.Id);
        Assert.Equal(90_000m, fund.Committed);
        Assert.Equal(910_000m, fund.Available);
        var numbers = new[] { (await factory.GetGrant(first)).GrantNumber, (await factory.GetGrant(second)).GrantNumber };
        Assert.Equal(2, numbers.Distinct().Count());
    }

    [Fact]
    public async Task Every_consortium_member_sees_the_grant_and_staff_see_all_grants()
    {
        var scenario = await factory.AwardGrant();

        foreach (var member in new[] { scenario.LeadOwner, scenario.LeadMember, scenario.PartnerOwner })
        {
            var grant = await (await member.Client.GetAsync(scenario.Url)).ReadAs<GrantResponse>();
            Assert.Equal(scenario.GrantId, grant.Id);
            var mine = await (await member.Client.GetAsync("/api/grants")).ReadAs<PagedResponse<GrantResponse>>();
            Assert.Equal([scenario.GrantId], mine.Items.Select(g => g.Id));
            await (await member.Client.GetAsync($"{scenario.Url}/tranches")).ShouldBe(HttpStatusCode.OK);
        }

        foreach (var staff in new[] { await factory.Admin(), await factory.Officer(), await factory.Finance() })
        {
            await (await staff.GetAsync(scenario.Url)).ShouldBe(HttpStatusCode.OK);
            var page = await (await staff.GetAsync($"/api/grants?fundId={scenario.Fund.Id}")).ReadAs<PagedResponse<GrantResponse>>();
            Assert.Equal([scenario.GrantId], page.Items.Select(g => g.Id));
        }
    }

    [Fact]
    public async Task A_user_of_another_organisation_gets_not_found_on_every_grant_route_open_to_members()
    {
        var scenario = await factory.AwardGrant();
        await factory.Activate(scenario);
        var reportId = (await factory.GetGrant(scenario)).Reports[0].Id;
        var stranger = scenario.Stranger.Client;

        await (await stranger.GetAsync(scenario.Url)).ShouldBe(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"{scenario.Url}/tranches")).ShouldBe(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"{scenario.Url}/agreement")).ShouldBe(HttpStatusCode.NotFound);
        await (await stranger.PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest(new string('a', 64)))).ShouldBe(HttpStatusCode.NotFound);
        await (await stranger.SubmitReport(scenario, reportId)).ShouldBe(HttpStatusCode.NotFound);
        var list = await (await stranger.GetAsync("/api/grants")).ReadAs<PagedResponse<GrantResponse>>();
        Assert.DoesNotContain(list.Items, g => g.Id == scenario.GrantId);
    }

    [Fact]
    public async Task Staff_only_grant_routes_refuse_applicants_by_role_before_looking_anything_up()
    {
        var scenario = await factory.AwardGrant();
        var reportId = (await factory.GetGrant(scenario)).Reports[0].Id;
        var leadOwner = scenario.LeadOwner.Client;

        await (await leadOwner.PostJson($"{scenario.Url}/agreement")).ShouldBe(HttpStatusCode.Forbidden);
        await (await leadOwner.Approve(scenario, 1)).ShouldBe(HttpStatusCode.Forbidden);
        await (await leadOwner.Pay(scenario, 1, factory.Today())).ShouldBe(HttpStatusCode.Forbidden);
        await (await leadOwner.PostJson($"{scenario.Url}/reports/{reportId}/review", new ReviewReportRequest(ReportOutcome.Accepted, null)))
            .ShouldBe(HttpStatusCode.Forbidden);
        await (await leadOwner.PostJson($"{scenario.Url}/amendments", new AmendGrantRequest(AmendmentKind.TopUp, null, 10m, "More"))).ShouldBe(HttpStatusCode.Forbidden);
        await (await leadOwner.PostJson($"{scenario.Url}/close")).ShouldBe(HttpStatusCode.Forbidden);
        await (await leadOwner.PostJson($"{scenario.Url}/terminate", new TerminateGrantRequest("No"))).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_reviewer_sees_no_grant()
    {
        var scenario = await factory.AwardGrant();
        var reviewer = await factory.Reviewer();

        await (await reviewer.GetAsync(scenario.Url)).ShouldBe(HttpStatusCode.NotFound);
        var list = await (await reviewer.GetAsync("/api/grants")).ReadAs<PagedResponse<GrantResponse>>();
        Assert.Empty(list.Items);
    }

    [Fact]
    public async Task Anonymous_callers_are_unauthorised()
    {
        var scenario = await factory.AwardGrant();
        using var anonymous = factory.CreateClient();

        await (await anonymous.GetAsync(scenario.Url)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/grants")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_grant_is_not_found_even_for_staff()
    {
        var officer = await factory.Officer();

        await (await officer.GetAsync($"/api/grants/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound);
        await (await officer.PostJson($"/api/grants/{Guid.NewGuid()}/agreement")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Grants_list_filters_by_status_and_pages()
    {
        var scenario = await factory.AwardGrant();
        await factory.Activate(scenario);
        var officer = await factory.Officer();

        var active = await (await officer.GetAsync($"/api/grants?status=Active&fundId={scenario.Fund.Id}")).ReadAs<PagedResponse<GrantResponse>>();
        var awaiting = await (await officer.GetAsync($"/api/grants?status=AwaitingSignature&fundId={scenario.Fund.Id}")).ReadAs<PagedResponse<GrantResponse>>();

        Assert.Equal([scenario.GrantId], active.Items.Select(g => g.Id));
        Assert.Empty(awaiting.Items);
        await (await officer.GetAsync("/api/grants?pageSize=101")).ShouldBeInvalid("pageSize");
    }

    [Fact]
    public async Task Consortium_members_see_tranche_payments_but_not_the_funders_internal_approvals()
    {
        var scenario = await factory.AwardGrant();
        await factory.Activate(scenario);
        await (await (await factory.Finance()).Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);

        var asMember = await (await scenario.PartnerOwner.Client.GetAsync($"{scenario.Url}/tranches")).ReadAs<GrantTranchesResponse>();
        var asStaff = await (await (await factory.Officer()).GetAsync($"{scenario.Url}/tranches")).ReadAs<GrantTranchesResponse>();

        Assert.Equal(TrancheStatus.Approved, asMember.Items[0].Status);
        Assert.Empty(asMember.Items[0].Approvals);
        Assert.All(asMember.Items, t => Assert.Null(t.ApprovalsStillNeeded));
        Assert.Equal("Fatima Finance", Assert.Single(asStaff.Items[0].Approvals).OfficerName);
        Assert.Equal([0, 1, 1], asStaff.Items.Select(t => t.ApprovalsStillNeeded!.Value));
    }
}
