using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Features.Organisations;
using GrantHub.Core.Emergency;
using GrantHub.Core.Identity;
using GrantHub.Core.Organisations;
using GrantHub.Core.Reviews;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;
using GrantHub.Tests.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Access;

/// <summary>
/// A member of an organisation never approves, rejects, pays or releases its money, never reviews, chooses the reviewers of,
/// ranks or decides its applications and never records its due diligence (409 related-party), whatever staff role she holds.
/// </summary>
public class RelatedPartyTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    /// <summary>
    /// The outside test's case: a finance officer registers an organisation (she owns it), an applicant joins by
    /// invitation and asks for emergency money.
    /// </summary>
    private async Task<(HttpClient Finance, EmergencyRequestResponse Request, Guid FundId)> FinanceOfficersOwnOrganisationAsks(decimal amount = 5_000m)
    {
        var (finance, _) = await factory.NewStaff(Roles.FinanceOfficer);
        var organisation = await (await finance.PostJson("/api/organisations", OrganisationTestData.OrganisationInput()))
            .ReadAs<OrganisationResponse>(HttpStatusCode.Created);
        var applicantEmail = $"colleague-{Guid.NewGuid():N}@example.org";
        var applicant = await factory.NewApplicant(applicantEmail);
        var invitation = await finance.InviteTo(organisation.Id, applicantEmail);
        await (await applicant.PostJson($"/api/me/invitations/{invitation.Id}/accept")).ShouldBe(HttpStatusCode.OK);
        var fund = await factory.CreateRapidResponseFund(budget: 50_000m, approvalThreshold: 5_000m);
        var request = await applicant.Submit(factory.Body(organisation.Id, fund.Id, amount));
        return (finance, request, fund.Id);
    }

    private async Task<EmergencyRequestResponse> Read(Guid requestId) =>
        await (await (await factory.Finance2()).GetAsync($"{EmergencyTestData.Url}/{requestId}")).ReadAs<EmergencyRequestResponse>();

    [Fact]
    public async Task A_finance_officer_cannot_approve_her_own_organisations_emergency_request()
    {
        var (finance, request, fundId) = await FinanceOfficersOwnOrganisationAsks();

        await (await finance.Approve(request.Id, "Looks fine.")).ShouldBreakRule("related-party");

        var after = await Read(request.Id);
        Assert.Equal(EmergencyRequestStatus.Submitted, after.Status);
        Assert.Empty(after.Approvals);
        Assert.Equal(0m, (await factory.GetFund(fundId)).Committed);
    }

    [Fact]
    public async Task A_finance_officer_cannot_reject_her_own_organisations_emergency_request()
    {
        var (finance, request, _) = await FinanceOfficersOwnOrganisationAsks();

        await (await finance.Reject(request.Id, "Not this time.")).ShouldBreakRule("related-party");

        Assert.Equal(EmergencyRequestStatus.Submitted, (await Read(request.Id)).Status);
    }

    [Fact]
    public async Task A_finance_officer_cannot_pay_her_own_organisations_approved_request()
    {
        var (finance, request, fundId) = await FinanceOfficersOwnOrganisationAsks();
        await (await (await factory.Finance2()).Approve(request.Id)).ShouldBe(HttpStatusCode.OK);

        await (await finance.Pay(request.Id, factory.Today())).ShouldBreakRule("related-party");

        Assert.Equal(EmergencyRequestStatus.Approved, (await Read(request.Id)).Status);
        Assert.Equal(0m, (await factory.GetFund(fundId)).Disbursed);
    }

    [Fact]
    public async Task A_finance_officer_cannot_release_her_own_organisations_approved_money()
    {
        var (finance, request, fundId) = await FinanceOfficersOwnOrganisationAsks();
        await (await (await factory.Finance2()).Approve(request.Id)).ShouldBe(HttpStatusCode.OK);

        await (await finance.Release(request.Id, "Unreachable.")).ShouldBreakRule("related-party");

        Assert.Equal(EmergencyRequestStatus.Approved, (await Read(request.Id)).Status);
        Assert.Equal(5_000m, (await factory.GetFund(fundId)).Committed);
    }

    [Fact]
    public async Task Another_finance_officer_approves_and_pays_the_same_request()
    {
        var (_, request, fundId) = await FinanceOfficersOwnOrganisationAsks();
        var finance2 = await factory.Finance2();

        await (await finance2.Approve(request.Id)).ShouldBe(HttpStatusCode.OK);
        await (await finance2.Pay(request.Id, factory.Today())).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(5_000m, (await factory.GetFund(fundId)).Disbursed);
    }

    [Fact]
    public async Task A_finance_officer_in_a_grants_partner_organisation_cannot_approve_or_pay_its_tranches()
    {
        var scenario = await factory.AwardGrant();
        await factory.Activate(scenario);
        var finance = await factory.NewStaffUser(Roles.FinanceOfficer);
        await factory.AddMember(scenario.PartnerOrganisationId, finance.Id);

        await (await finance.Client.Approve(scenario, 1)).ShouldBreakRule("related-party");
        Assert.Empty((await factory.Tranche(scenario, 1)).Approvals);

        await (await (await factory.Finance()).Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Client.Pay(scenario, 1, factory.Today())).ShouldBreakRule("related-party");
        Assert.Null((await factory.Tranche(scenario, 1)).PaidOn);
    }

    [Fact]
    public async Task A_reviewer_who_is_a_member_of_a_consortium_organisation_is_recused_from_her_assignment()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var assignment = await factory.Assign(consortium.Id, reviewer);
        // A membership that arose after the assignment (staff cannot accept invitations, so only from older data).
        await factory.AddMember(consortium.Partner.OrganisationId, reviewer.Id);

        await (await reviewer.Client.Declare(assignment.Id, hasConflict: false)).ShouldBreakRule("related-party");
        await (await reviewer.Client.Score(assignment.Id, null, (ReviewTestData.RelevanceCriterion, 5))).ShouldBreakRule("related-party");
        await (await reviewer.Client.SubmitReview(assignment.Id)).ShouldBreakRule("related-party");

        Assert.Equal(ReviewStatus.Assigned, (await factory.ReviewsOf(consortium.Id)).Items.Single().Status);
    }

    [Fact]
    public async Task A_programme_officer_in_a_consortium_organisation_cannot_choose_its_reviewers()
    {
        var consortium = await factory.SubmittedConsortium();
        var officer = await factory.NewStaffUser(Roles.ProgrammeOfficer);
        await factory.AddMember(consortium.Partner.OrganisationId, officer.Id);
        var reviewer = await factory.NewReviewer();

        await (await officer.Client.AssignReviewer(consortium.Id, reviewer.Id, factory.Clock.GetUtcNow().AddDays(14))).ShouldBreakRule("related-party");

        Assert.Empty((await factory.ReviewsOf(consortium.Id)).Items);
        await factory.Assign(consortium.Id, reviewer);
    }

    [Fact]
    public async Task A_programme_officer_in_a_consortium_organisation_cannot_rank_the_call_or_decide_its_application()
    {
        var consortium = await factory.SubmittedConsortium();
        var officer = await factory.NewStaffUser(Roles.ProgrammeOfficer);
        await factory.AddMember(consortium.Lead.OrganisationId, officer.Id);
        await factory.CloseCall(consortium.Application.CallId);

        await (await officer.Client.GetAsync($"/api/calls/{consortium.Application.CallId}/ranking")).ShouldBreakRule("related-party");
        await (await officer.Client.Decide(consortium.Id, ReviewTestData.Reject("Not this round."))).ShouldBreakRule("related-party");

        var application = await consortium.Lead.Client.Get(consortium.Id);
        Assert.Equal(GrantHub.Core.Applications.ApplicationStatus.Submitted, application.Status);
        await (await (await factory.Officer()).GetAsync($"/api/calls/{consortium.Application.CallId}/ranking")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_programme_officer_cannot_record_her_own_organisations_due_diligence()
    {
        var officer = await factory.NewStaffUser(Roles.ProgrammeOfficer);
        var organisation = await (await officer.Client.PostJson("/api/organisations", OrganisationTestData.OrganisationInput()))
            .ReadAs<OrganisationResponse>(HttpStatusCode.Created);

        await (await officer.Client.PostJson($"/api/organisations/{organisation.Id}/due-diligence", new RecordDueDiligenceRequest(DueDiligenceStatus.Cleared, null)))
            .ShouldBreakRule("related-party");

        var stored = await factory.WithDb(db => db.Organisations.SingleAsync(o => o.Id == organisation.Id));
        Assert.Equal(DueDiligenceStatus.NotStarted, stored.DueDiligence);
    }
}
