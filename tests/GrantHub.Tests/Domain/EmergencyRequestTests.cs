using GrantHub.Core.Common;
using GrantHub.Core.Emergency;
using GrantHub.Core.Funds;
using GrantHub.Core.Organisations;

using static GrantHub.Tests.Infrastructure.Amounts;

namespace GrantHub.Tests.Domain;

/// <summary>The emergency request's own rules, without a database: approvals, maker-checker, the allowance, payment and the 48/72-hour clock.</summary>
public class EmergencyRequestTests
{
    private static readonly DateTimeOffset SubmittedAt = new(2026, 3, 2, 9, 17, 0, TimeSpan.Zero);
    private static readonly Guid Requester = Guid.NewGuid();
    private static readonly Guid FinanceOne = Guid.NewGuid();
    private static readonly Guid FinanceTwo = Guid.NewGuid();

    private readonly Fund _fund = new("Rapid response", FundKind.RapidResponse, budget: EuroCents(10_000_00), approvalThreshold: EuroCents(5_000_00), SubmittedAt);
    private readonly Organisation _organisation = new(
        "Nari Shanti Collective", "NP", OrganisationType.WomensRightsOrganisation, null, null, womenLed: true, sensitive: false, Requester, SubmittedAt);

    private EmergencyRequest Request(long amount) => new(
        _organisation.Id, _fund, EuroCents(amount), EmergencyCategory.SafetyAndRelocation, "Relocation of two defenders.",
        new DateOnly(2026, 3, 5), Requester, enteredBy: null, SubmittedAt, TimeSpan.FromHours(72));

    private OrganisationAllowance NoLimit() => new(_organisation, Limit: null, AlreadyApproved: EuroCents(0));

    [Fact]
    public void A_request_at_the_threshold_is_approved_and_committed_by_one_finance_officer()
    {
        var request = Request(5_000_00);

        request.Approve(_fund, FinanceOne, null, NoLimit(), SubmittedAt.AddHours(3));

        Assert.Equal((EmergencyRequestStatus.Approved, EuroCents(5_000_00)), (request.Status, _fund.Committed));
        Assert.Equal(SubmittedAt.AddHours(3), request.DecidedAt);
    }

    [Fact]
    public void A_request_above_the_threshold_needs_a_second_distinct_approval_before_money_is_committed()
    {
        var request = Request(5_000_01);

        request.Approve(_fund, FinanceOne, null, NoLimit(), SubmittedAt.AddHours(1));
        Assert.Equal((EmergencyRequestStatus.Submitted, EuroCents(0)), (request.Status, _fund.Committed));

        var again = Assert.Throws<BusinessRuleException>(() => request.Approve(_fund, FinanceOne, null, NoLimit(), SubmittedAt.AddHours(2)));
        Assert.Equal("duplicate-approval", again.Rule);

        request.Approve(_fund, FinanceTwo, null, NoLimit(), SubmittedAt.AddHours(2));
        Assert.Equal((EmergencyRequestStatus.Approved, EuroCents(5_000_01)), (request.Status, _fund.Committed));
    }

    [Fact]
    public void Every_approval_bumps_the_requests_version_so_concurrent_approvals_conflict()
    {
        var request = Request(5_000_01);
        var before = request.Version;

        request.Approve(_fund, FinanceOne, null, NoLimit(), SubmittedAt.AddHours(1));

        Assert.NotEqual(before, request.Version);
    }

    [Fact]
    public void The_requester_can_neither_decide_nor_pay_their_own_request()
    {
        var request = Request(1_000_00);

        Assert.Equal("maker-checker", Assert.Throws<BusinessRuleException>(() => request.Approve(_fund, Requester, null, NoLimit(), SubmittedAt)).Rule);
        Assert.Equal("maker-checker", Assert.Throws<BusinessRuleException>(() => request.Reject(Requester, "No.", SubmittedAt)).Rule);

        request.Approve(_fund, FinanceOne, null, NoLimit(), SubmittedAt.AddHours(1));
        var payment = Assert.Throws<BusinessRuleException>(() => request.RecordPayment(_fund, Requester, "BANK-1", new DateOnly(2026, 3, 3), asReceived: null, SubmittedAt.AddHours(5)));
        Assert.Equal("maker-checker", payment.Rule);
    }

    [Fact]
    public void The_final_approval_beyond_the_organisations_limit_is_refused_and_commits_nothing()
    {
        var request = Request(3_000_00);
        var versionBefore = _organisation.Version;

        var refused = Assert.Throws<BusinessRuleException>(() =>
            request.Approve(_fund, FinanceOne, null, new OrganisationAllowance(_organisation, Limit: EuroCents(20_000_00), AlreadyApproved: EuroCents(17_000_01)), SubmittedAt));

        Assert.Equal("organisation-limit-exceeded", refused.Rule);
        Assert.Equal((EmergencyRequestStatus.Submitted, EuroCents(0), 0), (request.Status, _fund.Committed, request.Approvals.Count));
        Assert.Equal(versionBefore, _organisation.Version);
    }

    [Fact]
    public void A_final_approval_within_the_limit_bumps_the_organisations_version_so_two_cannot_share_one_allowance()
    {
        var request = Request(3_000_00);
        var versionBefore = _organisation.Version;

        request.Approve(_fund, FinanceOne, null, new OrganisationAllowance(_organisation, Limit: EuroCents(20_000_00), AlreadyApproved: EuroCents(17_000_00)), SubmittedAt);

        Assert.Equal(EmergencyRequestStatus.Approved, request.Status);
        Assert.NotEqual(versionBefore, _organisation.Version);
    }

    [Fact]
    public void One_rejection_decides_and_nothing_is_committed()
    {
        var request = Request(5_000_01);
        request.Approve(_fund, FinanceOne, null, NoLimit(), SubmittedAt.AddHours(1));

        request.Reject(FinanceTwo, "The relocation is already funded.", SubmittedAt.AddHours(2));

        Assert.Equal((EmergencyRequestStatus.Rejected, "The relocation is already funded.", EuroCents(0)), (request.Status, request.RejectionReason, _fund.Committed));
        Assert.Equal("emergency-not-pending", Assert.Throws<BusinessRuleException>(() => request.Cancel(SubmittedAt.AddHours(3))).Rule);
    }

    [Fact]
    public void Payment_needs_an_approved_request_and_is_final()
    {
        var request = Request(1_000_00);
        Assert.Equal("emergency-not-approved", Assert.Throws<BusinessRuleException>(() =>
            request.RecordPayment(_fund, FinanceOne, "BANK-1", new DateOnly(2026, 3, 3), asReceived: null, SubmittedAt)).Rule);

        request.Approve(_fund, FinanceOne, null, NoLimit(), SubmittedAt.AddHours(1));
        request.RecordPayment(_fund, FinanceTwo, "BANK-1", new DateOnly(2026, 3, 3), asReceived: null, SubmittedAt.AddHours(4));

        Assert.Equal((EmergencyRequestStatus.Paid, EuroCents(1_000_00)), (request.Status, _fund.Disbursed));
        Assert.Equal("payment-already-recorded", Assert.Throws<BusinessRuleException>(() =>
            request.RecordPayment(_fund, FinanceTwo, "BANK-2", new DateOnly(2026, 3, 4), asReceived: null, SubmittedAt.AddHours(5))).Rule);
    }

    [Fact]
    public void Releasing_an_approved_request_gives_its_money_back_to_the_fund()
    {
        var request = Request(1_000_00);
        request.Approve(_fund, FinanceOne, null, NoLimit(), SubmittedAt.AddHours(1));

        request.Release(_fund, FinanceOne, "The bank details were wrong.", SubmittedAt.AddHours(6));

        Assert.Equal((EmergencyRequestStatus.Released, EuroCents(0)), (request.Status, _fund.Committed));
    }

    [Fact]
    public void An_undecided_request_is_escalated_once_after_48_hours_and_its_breach_recorded_once_after_72()
    {
        var request = Request(1_000_00);

        Assert.False(request.Escalate(TimeSpan.FromHours(48), SubmittedAt.AddHours(47).AddMinutes(59)));
        Assert.True(request.Escalate(TimeSpan.FromHours(48), SubmittedAt.AddHours(48)));
        Assert.False(request.Escalate(TimeSpan.FromHours(48), SubmittedAt.AddHours(49)));

        Assert.False(request.RecordBreach(SubmittedAt.AddHours(71)));
        Assert.True(request.RecordBreach(SubmittedAt.AddHours(72)));
        Assert.False(request.RecordBreach(SubmittedAt.AddHours(73)));
    }

    [Fact]
    public void A_decided_request_is_never_escalated_and_cannot_be_cancelled()
    {
        var request = Request(1_000_00);
        request.Approve(_fund, FinanceOne, null, NoLimit(), SubmittedAt.AddHours(1));

        Assert.False(request.Escalate(TimeSpan.FromHours(48), SubmittedAt.AddHours(50)));
        Assert.False(request.RecordBreach(SubmittedAt.AddHours(80)));
        Assert.Equal("emergency-not-pending", Assert.Throws<BusinessRuleException>(() => request.Cancel(SubmittedAt.AddHours(2))).Rule);
    }

    [Fact]
    public void Only_a_rapid_response_fund_takes_emergency_requests()
    {
        var coreFund = new Fund("Core", FundKind.CoreFunding, EuroCents(10_000_00), EuroCents(5_000_00), SubmittedAt);

        var refused = Assert.Throws<BusinessRuleException>(() => new EmergencyRequest(
            _organisation.Id, coreFund, EuroCents(1_000_00), EmergencyCategory.Medical, "Medical care.", new DateOnly(2026, 3, 5), Requester, null, SubmittedAt, TimeSpan.FromHours(72)));

        Assert.Equal("fund-not-rapid-response", refused.Rule);
    }
}
