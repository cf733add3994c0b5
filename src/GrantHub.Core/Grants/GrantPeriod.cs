using GrantHub.Core.Common;

namespace GrantHub.Core.Grants;

/// <summary>A planned payment in an award's tranche plan.</summary>
public record PlannedTranche(DateOnly PlannedDate, Money Amount);

/// <summary>One entry of a reporting schedule.</summary>
public record ScheduledReport(ReportKind Kind, int PeriodYear, DateOnly DueOn);

/// <summary>
/// A grant's period, both days included. Grant years run from the start date in steps of twelve months;
/// the last one ends on the end date and may be shorter.
/// </summary>
public readonly record struct GrantPeriod(DateOnly Start, DateOnly End)
{
    public const int ReportDueDays = 60;

    /// <summary>36 months from 2027-01-01 end on 2029-12-31.</summary>
    public static GrantPeriod FromDuration(DateOnly start, int months) => new(start, start.AddMonths(months).AddDays(-1));

    public int Years => YearOf(End);

    public DateOnly YearStart(int year) => Start.AddMonths(12 * (year - 1));

    public DateOnly YearEnd(int year) => year >= Years ? End : YearStart(year + 1).AddDays(-1);

    /// <summary>The grant year a date falls in; dates before the start count as year 1.</summary>
    public int YearOf(DateOnly date)
    {
        var year = 1;
        while (YearStart(year + 1) <= date)
        {
            year++;
        }

        return year;
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>
    /// Light reporting: one combined narrative and financial report per grant year, each due 60 days after its
    /// year ends; the last year's report is the final report, due 60 days after the end date.
    /// </summary>
    public IEnumerable<ScheduledReport> ReportingSchedule()
    {
        var years = Years;
        for (var year = 1; year < years; year++)
        {
            yield return new ScheduledReport(ReportKind.Annual, year, YearEnd(year).AddDays(ReportDueDays));
        }

        yield return new ScheduledReport(ReportKind.Final, years, End.AddDays(ReportDueDays));
    }

    /// <summary>One tranche at the start of each grant year, equal, the remainder in the last.</summary>
    public IReadOnlyList<PlannedTranche> DefaultTranchePlan(Money amount)
    {
        var years = Years;
        var share = amount.MinorUnits / years;
        var plan = new List<PlannedTranche>(years);
        for (var year = 1; year <= years; year++)
        {
            var minorUnits = year == years ? amount.MinorUnits - (share * (years - 1)) : share;
            plan.Add(new PlannedTranche(YearStart(year), new Money(minorUnits, amount.Currency)));
        }

        return plan;
    }
}
