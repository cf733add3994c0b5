namespace GrantHub.Agreements;

/// <param name="Condition">What must hold before payment, e.g. "Previous annual report accepted"; empty for none.</param>
public sealed record AgreementTranche(int Number, DateOnly PlannedDate, decimal Amount, string Condition);
