using GrantHub.Core.Common;
using GrantHub.Core.Grants;

using static GrantHub.Tests.Infrastructure.Amounts;

namespace GrantHub.Tests.Grants;

/// <summary>The grant factory's default tranche plan and reporting schedule, and the domain rules that reshape them.</summary>
public class GrantAwardTests
{
    private static readonly Guid Lead = Guid.NewGuid();
    private static readonly Guid Partner = Guid.NewGuid();
    private static readonly Guid Officer = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static Grant Award(
        long amount,
        DateOnly start,
        int months,
        IReadOnlyList<PlannedTranche>? plan = null,
        IReadOnlyDictionary<Guid, long>? allocations = null) =>
        Grant.Award(
            "GH-2026-0001",
            Guid.NewGuid(),
            Guid.NewGuid(),
            Guid.NewGuid(),
            Lead,
            EuroCents(amount),
            start,
            months,
            (allocations ?? new Dictionary<Guid, long> { [Lead] = amount }).ToDictionary(a => a.Key, a => EuroCents(a.Value)),
            plan,
            Officer,
            Now);

    [Fact]
    public void Thirty_six_months_from_2027_pay_one_tranche_a_year_the_remainder_in_the_last()
    {
        var grant = Award(100_000_00, new DateOnly(2027, 1, 1), 36);

        Assert.Equal(new DateOnly(2029, 12, 31), grant.EndDate);
        Assert.Equal(GrantStatus.AwaitingSignature, grant.Status);
        var tranches = grant.Tranches.OrderBy(t => t.Number).ToList();
        Assert.Equal([new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 1), new DateOnly(2029, 1, 1)], tranches.Select(t => t.PlannedDate));
        Assert.Equal([33_333_33L, 33_333_33L, 33_333_34L], tranches.Select(t => t.Amount.MinorUnits));
        Assert.Equal(
            [TrancheCondition.None, TrancheCondition.PreviousAnnualReportAccepted, TrancheCondition.PreviousAnnualReportAccepted],
            tranches.Select(t => t.Condition));
        Assert.All(tranches, t => Assert.Equal(TrancheStatus.Planned, t.Status));
    }

    [Fact]
    public void Thirty_six_months_from_2027_report_annually_sixty_days_after_each_year_and_finally_sixty_days_after_the_end()
    {
        var grant = Award(100_000_00, new DateOnly(2027, 1, 1), 36);

        var reports = grant.Reports.OrderBy(r => r.PeriodYear).Select(r => (r.Kind, r.PeriodYear, r.DueOn)).ToList();

        // 2028 is a leap year: 60 days after 2027-12-31 is 29 February.
        Assert.Equal(
            [
                (ReportKind.Annual, 1, new DateOnly(2028, 2, 29)),
                (ReportKind.Annual, 2, new DateOnly(2029, 3, 1)),
                (ReportKind.Final, 3, new DateOnly(2030, 3, 1)),
            ],
            reports);
        Assert.All(grant.Reports, r => Assert.Equal(ReportStatus.Pending, r.Status));
    }

    [Fact]
    public void Eighteen_months_make_two_grant_years_the_second_one_short()
    {
        var grant = Award(50_000_00, new DateOnly(2026, 7, 1), 18);

        Assert.Equal(new DateOnly(2027, 12, 31), grant.EndDate);
        Assert.Equal([new DateOnly(2026, 7, 1), new DateOnly(2027, 7, 1)], grant.Tranches.OrderBy(t => t.Number).Select(t => t.PlannedDate));
        Assert.Equal(
            [(ReportKind.Annual, 1, new DateOnly(2027, 8, 29)), (ReportKind.Final, 2, new DateOnly(2028, 2, 29))],
            grant.Reports.OrderBy(r => r.PeriodYear).Select(r => (r.Kind, r.PeriodYear, r.DueOn)));
    }

    [Fact]
    public void One_year_grant_has_one_unconditional_tranche_and_only_a_final_report()
    {
        var grant = Award(20_000_00, new DateOnly(2027, 3, 15), 12);

        var tranche = Assert.Single(grant.Tranches);
        Assert.Equal((1, 20_000_00L, TrancheCondition.None), (tranche.Number, tranche.Amount.MinorUnits, tranche.Condition));
        var report = Assert.Single(grant.Reports);
        Assert.Equal((ReportKind.Final, 1, new DateOnly(2028, 5, 13)), (report.Kind, report.PeriodYear, report.DueOn));
    }

    [Fact]
    public void A_custom_tranche_plan_is_numbered_by_date_and_only_tranches_after_year_one_wait_for_a_report()
    {
        var start = new DateOnly(2027, 1, 1);
        var grant = Award(90_000_00, start, 24,
        [
            new PlannedTranche(new DateOnly(2028, 2, 1), EuroCents(30_000_00)),
            new PlannedTranche(start, EuroCents(40_000_00)),
            new PlannedTranche(new DateOnly(2027, 7, 1), EuroCents(20_000_00)),
        ]);

        Assert.Equal(
            [
                (1, start, 40_000_00L, TrancheCondition.None),
                (2, new DateOnly(2027, 7, 1), 20_000_00L, TrancheCondition.None),
                (3, new DateOnly(2028, 2, 1), 30_000_00L, TrancheCondition.PreviousAnnualReportAccepted),
            ],
            grant.Tranches.OrderBy(t => t.Number).Select(t => (t.Number, t.PlannedDate, t.Amount.MinorUnits, t.Condition)));
    }

    [Fact]
    public void A_tranche_plan_must_add_up_to_the_award()
    {
        var start = new DateOnly(2027, 1, 1);

        var refused = Assert.Throws<BusinessRuleException>(() =>
            Award(90_000_00, start, 24, [new PlannedTranche(start, EuroCents(40_000_00)), new PlannedTranche(start.AddMonths(12), EuroCents(40_000_00))]));

        Assert.Equal("tranche-plan-mismatch", refused.Rule);
    }

    [Fact]
    public void A_tranche_cannot_be_planned_outside_the_grant_period()
    {
        var start = new DateOnly(2027, 1, 1);

        var refused = Assert.Throws<BusinessRuleException>(() =>
            Award(90_000_00, start, 12, [new PlannedTranche(start, EuroCents(45_000_00)), new PlannedTranche(new DateOnly(2028, 1, 1), EuroCents(45_000_00))]));

        Assert.Equal("tranche-outside-grant-period", refused.Rule);
    }

    [Fact]
    public void Allocations_must_add_up_to_the_award()
    {
        var refused = Assert.Throws<BusinessRuleException>(() =>
            Award(90_000_00, new DateOnly(2027, 1, 1), 24, allocations: new Dictionary<Guid, long> { [Lead] = 60_000_00, [Partner] = 20_000_00 }));

        Assert.Equal("grant-allocations-mismatch", refused.Rule);
    }

    [Fact]
    public void No_tranche_is_due_before_the_grant_is_signed()
    {
        var grant = Award(90_000_00, new DateOnly(2027, 1, 1), 24);

        Assert.Empty(grant.RefreshDueTranches(new DateOnly(2030, 1, 1)));
        Assert.All(grant.Tranches, t => Assert.Equal(TrancheStatus.Planned, t.Status));
    }

    [Fact]
    public void A_top_up_is_shared_in_proportion_to_the_allocations_with_the_rounding_remainder_to_the_lead()
    {
        var grant = Award(
            90_000_00,
            new DateOnly(2027, 1, 1),
            24,
            allocations: new Dictionary<Guid, long> { [Lead] = 60_000_00, [Partner] = 30_000_00 });

        grant.TopUp(EuroCents(10_000_01), "Security costs rose.", Officer, new DateOnly(2027, 5, 1), Now);

        Assert.Equal(EuroCents(100_000_01), grant.Amount);
        Assert.Equal(EuroCents(66_666_68), grant.Allocations.Single(a => a.OrganisationId == Lead).Amount);
        Assert.Equal(EuroCents(33_333_33), grant.Allocations.Single(a => a.OrganisationId == Partner).Amount);
        var added = grant.Tranches.Single(t => t.Number == 3);
        Assert.Equal((10_000_01L, new DateOnly(2027, 5, 1), TrancheCondition.None), (added.Amount.MinorUnits, added.PlannedDate, added.Condition));
        Assert.Equal(grant.Amount, Money.Sum(grant.Tranches.Select(t => t.Amount), grant.Currency));
    }

    [Fact]
    public void An_extension_into_a_new_grant_year_turns_the_former_final_report_into_an_annual_one()
    {
        var grant = Award(90_000_00, new DateOnly(2027, 1, 1), 24);

        grant.Extend(new DateOnly(2029, 6, 30), "Elections delayed the programme.", Officer, Now);

        Assert.Equal(new DateOnly(2029, 6, 30), grant.EndDate);
        Assert.Equal(
            [
                (ReportKind.Annual, 1, new DateOnly(2028, 2, 29)),
                (ReportKind.Annual, 2, new DateOnly(2029, 3, 1)),
                (ReportKind.Final, 3, new DateOnly(2029, 8, 29)),
            ],
            grant.Reports.OrderBy(r => r.PeriodYear).Select(r => (r.Kind, r.PeriodYear, r.DueOn)));
    }
}
