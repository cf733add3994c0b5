namespace GrantHub.Agreements;

/// <param name="Title">What is due, e.g. "Annual narrative and financial report" or "Final report".</param>
/// <param name="PeriodYear">The grant year covered; null for reports covering the whole grant.</param>
public sealed record AgreementReport(string Title, int? PeriodYear, DateOnly DueOn);
