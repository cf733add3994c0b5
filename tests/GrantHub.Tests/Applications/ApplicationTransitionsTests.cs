using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Organisations;

using static GrantHub.Tests.Infrastructure.Amounts;

namespace GrantHub.Tests.Applications;

/// <summary>The application entity on its own: lifecycle, consortium and budget rules, without HTTP or a database.</summary>
public class ApplicationTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly Call _call = OpenCall();
    private readonly Organisation _lead = Organisation("NP");
    private readonly Organisation _partner = Organisation("BI");

    [Fact]
    public void A_draft_has_the_lead_as_its_only_confirmed_member()
    {
        var application = Draft();

        var lead = Assert.Single(application.Members);
        Assert.Equal((ConsortiumRole.Lead, ConsortiumMemberStatus.Confirmed), (lead.Role, lead.Status));
        Assert.Equal((ApplicationStatus.Draft, EuroCents(0)), (application.Status, application.RequestedTotal));
    }

    [Fact]
    public void Submitted_then_under_review_then_awarded()
    {
        var application = ReadyToSubmit();

        application.Submit(_call, _lead, Now.AddHours(1));
        application.StartReview();
        application.Award(Now.AddDays(70));

        Assert.Equal(ApplicationStatus.Awarded, application.Status);
        Assert.Equal(Now.AddHours(1), application.SubmittedAt);
        Assert.Equal(Now.AddDays(70), application.DecidedAt);
    }

    [Fact]
    public void Under_review_then_rejected_with_feedback()
    {
        var application = ReadyToSubmit();
        application.Submit(_call, _lead, Now);
        application.StartReview();

        application.Reject("The consortium plan lacks a safeguarding policy.", Now.AddDays(70));

        Assert.Equal((ApplicationStatus.Rejected, "The consortium plan lacks a safeguarding policy."), (application.Status, application.DecisionFeedback));
    }

    [Fact]
    public void A_rejection_must_give_feedback()
    {
        var application = ReadyToSubmit();
        application.Submit(_call, _lead, Now);
        application.StartReview();

        Assert.Throws<ArgumentException>(() => application.Reject(" ", Now));
        Assert.Equal(ApplicationStatus.UnderReview, application.Status);
    }

    [Fact]
    public void A_submitted_application_can_be_decided_before_review_but_a_draft_cannot()
    {
        var draft = ReadyToSubmit();
        AssertRule("application-invalid-transition", () => draft.Award(Now));
        AssertRule("application-invalid-transition", () => draft.Reject("No.", Now));

        draft.Submit(_call, _lead, Now);
        draft.Reject("Outside the call's scope.", Now.AddDays(40));

        Assert.Equal(ApplicationStatus.Rejected, draft.Status);
    }

    [Fact]
    public void An_application_is_decided_once()
    {
        var application = ReadyToSubmit();
        application.Submit(_call, _lead, Now);
        application.StartReview();
        application.Award(Now.AddDays(70), "A model of consortium equity.");

        AssertRule("application-already-decided", () => application.Award(Now.AddDays(71)));
        AssertRule("application-already-decided", () => application.Reject("No.", Now.AddDays(71)));
        Assert.Equal((ApplicationStatus.Awarded, "A model of consortium equity."), (application.Status, application.DecisionFeedback));
    }

    [Fact]
    public void An_award_is_shared_as_the_budget_is_and_the_rounding_remainder_goes_to_the_lead()
    {
        var application = ReadyToSubmit();
        application.SetBudget(
        [
            new BudgetLine(_lead.Id, 1, EuroCents(50_000_00)), new BudgetLine(_lead.Id, 2, EuroCents(30_000_00)),
            new BudgetLine(_partner.Id, 1, EuroCents(10_000_00)), new BudgetLine(_partner.Id, 2, EuroCents(10_000_00)),
        ], Now);

        Assert.Equal(
            new Dictionary<Guid, Money> { [_lead.Id] = EuroCents(80_000_00), [_partner.Id] = EuroCents(20_000_00) },
            application.AllocationsFor(EuroCents(100_000_00)));
        Assert.Equal(
            new Dictionary<Guid, Money> { [_lead.Id] = EuroCents(60_000_01), [_partner.Id] = EuroCents(15_000_00) },
            application.AllocationsFor(EuroCents(75_000_01)));
        Assert.Equal(new Dictionary<Guid, Money> { [_lead.Id] = EuroCents(3) }, application.AllocationsFor(EuroCents(3)));
    }

    [Fact]
    public void A_draft_cannot_go_to_review_or_be_submitted_twice()
    {
        var application = ReadyToSubmit();

        AssertRule("application-invalid-transition", application.StartReview);
        application.Submit(_call, _lead, Now);
        AssertRule("application-invalid-transition", () => application.Submit(_call, _lead, Now));
    }

    [Fact]
    public void Withdrawal_is_possible_from_draft_and_from_submitted_only()
    {
        var draft = Draft();
        draft.Withdraw(_call, Now);
        Assert.Equal((ApplicationStatus.Withdrawn, Now), (draft.Status, draft.WithdrawnAt));
        AssertRule("application-invalid-transition", () => draft.Withdraw(_call, Now));

        var submitted = ReadyToSubmit();
        submitted.Submit(_call, _lead, Now);
        submitted.Withdraw(_call, Now.AddMinutes(1));
        Assert.Equal(ApplicationStatus.Withdrawn, submitted.Status);

        var underReview = ReadyToSubmit();
        underReview.Submit(_call, _lead, Now);
        underReview.StartReview();
        AssertRule("application-invalid-transition", () => underReview.Withdraw(_call, Now));
    }

    [Fact]
    public void Withdrawal_ends_with_the_closing_time()
    {
        var application = ReadyToSubmit();

        AssertRule("call-closed", () => application.Withdraw(_call, _call.ClosesAt));
        Assert.Equal(ApplicationStatus.Draft, application.Status);
    }

    [Fact]
    public void Every_change_to_a_submitted_application_is_refused()
    {
        var application = ReadyToSubmit();
        application.Submit(_call, _lead, Now);
        var narrative = new ApplicationNarrative("New", "New", [Pillar.Participation], ["NP"], [], 12);

        AssertRule("application-not-editable", () => application.Update(narrative, Now));
        AssertRule("application-not-editable", () => application.SetBudget([], Now));
        AssertRule("application-not-editable", () => application.InvitePartner(Guid.NewGuid(), Now));
        AssertRule("application-not-editable", () => application.RemovePartner(_partner.Id, Now));
        AssertRule("application-not-editable", () => application.ConfirmPartner(_partner.Id, Now));
        AssertRule("application-not-editable", () => application.DeclinePartner(_partner.Id, Now));
    }

    [Fact]
    public void A_partner_is_invited_confirms_declines_and_must_be_invited_again_to_confirm()
    {
        var application = Draft();

        application.InvitePartner(_partner.Id, Now);
        Assert.Equal(ConsortiumMemberStatus.Invited, PartnerStatus(application));
        application.ConfirmPartner(_partner.Id, Now);
        Assert.Equal(ConsortiumMemberStatus.Confirmed, PartnerStatus(application));
        application.DeclinePartner(_partner.Id, Now);
        Assert.Equal(ConsortiumMemberStatus.Declined, PartnerStatus(application));
        AssertRule("partner-declined", () => application.ConfirmPartner(_partner.Id, Now));
        application.InvitePartner(_partner.Id, Now);
        Assert.Equal(ConsortiumMemberStatus.Invited, PartnerStatus(application));
    }

    [Fact]
    public void Answering_for_an_organisation_that_is_not_a_partner_is_not_found()
    {
        var application = Draft();

        Assert.Throws<NotFoundException>(() => application.ConfirmPartner(_lead.Id, Now));
        Assert.Throws<NotFoundException>(() => application.DeclinePartner(Guid.NewGuid(), Now));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(12, 1)]
    [InlineData(13, 2)]
    [InlineData(24, 2)]
    [InlineData(25, 3)]
    [InlineData(36, 3)]
    public void Grant_years_count_every_started_year(int durationMonths, int years) =>
        Assert.Equal(years, Application.YearsFor(durationMonths));

    [Fact]
    public void The_budget_belongs_to_consortium_members_within_the_grant_years_once_per_year()
    {
        var application = Draft(durationMonths: 24);
        application.InvitePartner(_partner.Id, Now);

        AssertRule("budget-organisation-not-in-consortium", () => application.SetBudget([new BudgetLine(Guid.NewGuid(), 1, EuroCents(100))], Now));
        AssertRule("budget-year-out-of-range", () => application.SetBudget([new BudgetLine(_lead.Id, 3, EuroCents(100))], Now));
        AssertRule("budget-line-repeated", () => application.SetBudget([new BudgetLine(_lead.Id, 1, EuroCents(100)), new BudgetLine(_lead.Id, 1, EuroCents(5))], Now));
        application.SetBudget([new BudgetLine(_lead.Id, 1, EuroCents(100)), new BudgetLine(_lead.Id, 2, EuroCents(250)), new BudgetLine(_partner.Id, 2, EuroCents(50))], Now);
        Assert.Equal(EuroCents(400), application.RequestedTotal);
    }

    [Fact]
    public void A_partner_that_declines_takes_its_budget_lines_with_it()
    {
        var application = Draft();
        application.InvitePartner(_partner.Id, Now);
        application.SetBudget([new BudgetLine(_lead.Id, 1, EuroCents(100)), new BudgetLine(_partner.Id, 1, EuroCents(50))], Now);

        application.DeclinePartner(_partner.Id, Now);

        Assert.Equal(EuroCents(100), application.RequestedTotal);
        Assert.All(application.BudgetLines, l => Assert.Equal(_lead.Id, l.OrganisationId));
    }

    [Fact]
    public void Every_change_moves_the_update_time_so_the_whole_aggregate_is_versioned()
    {
        var application = Draft();

        application.InvitePartner(_partner.Id, Now.AddMinutes(1));
        Assert.Equal(Now.AddMinutes(1), application.UpdatedAt);
        application.ConfirmPartner(_partner.Id, Now.AddMinutes(2));
        Assert.Equal(Now.AddMinutes(2), application.UpdatedAt);
        application.SetBudget([new BudgetLine(_lead.Id, 1, EuroCents(60_000_00))], Now.AddMinutes(3));
        Assert.Equal(Now.AddMinutes(3), application.UpdatedAt);
    }

    [Fact]
    public void A_closed_call_takes_no_draft()
    {
        _call.Close(Now);

        AssertRule("call-closed", () => Draft());
    }

    [Fact]
    public void A_consortium_ready_to_submit_passes_every_rule()
    {
        var application = ReadyToSubmit();

        application.Submit(_call, _lead, Now);

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    private Application Draft(int durationMonths = 24) => Application.Draft(
        _call,
        _lead.Id,
        "EUR",
        new ApplicationNarrative("Peace circles", "Women mediators.", [Pillar.Participation], ["NP"], [TargetGroup.RuralWomen], durationMonths),
        Guid.NewGuid(),
        Now);

    private Application ReadyToSubmit()
    {
        var application = Draft();
        application.InvitePartner(_partner.Id, Now);
        application.SetBudget([new BudgetLine(_lead.Id, 1, EuroCents(60_000_00)), new BudgetLine(_partner.Id, 2, EuroCents(10_000_00))], Now);
        application.ConfirmPartner(_partner.Id, Now);
        return application;
    }

    private ConsortiumMemberStatus PartnerStatus(Application application) =>
        application.Members.Single(m => m.OrganisationId == _partner.Id).Status;

    private static void AssertRule(string rule, Action action) =>
        Assert.Equal(rule, Assert.Throws<BusinessRuleException>(action).Rule);

    private static Organisation Organisation(string country) =>
        new($"Organisation in {country}", country, OrganisationType.WomensRightsOrganisation, null, null, womenLed: true, sensitive: false, Guid.NewGuid(), Now);

    private static Call OpenCall()
    {
        var call = new Call(
            new CallTerms(
                Guid.NewGuid(), "Core funding", "", [Pillar.Participation], ["NP", "BI"], EuroCents(50_000_00), EuroCents(300_000_00), 12, 36,
                Now.AddDays(-1), Now.AddDays(30), ConsortiumRequired: true, MinPartners: 1, MaxPartners: 3,
                [new RubricCriterion("Relevance", 100, 5)], MinReviewsPerApplication: 2),
            Guid.NewGuid(),
            Now.AddDays(-2));
        call.Publish(Now.AddDays(-2));
        return call;
    }
}
