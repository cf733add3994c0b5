namespace GrantHub.Core.Applications;

/// <summary>
/// One grant year of a partner's share that a budget change moved after the partner had confirmed: what it had
/// confirmed and what the lead set instead, in minor units of the application's currency (null: no line that year).
/// </summary>
public sealed record BudgetYearChange(int Year, long? PreviousMinorUnits, long? NewMinorUnits);
