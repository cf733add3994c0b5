namespace GrantHub.Agreements;

/// <summary>A consortium member named in the agreement, with its share of the grant.</summary>
/// <param name="RegistrationNumber">Null for unregistered groups, which are eligible.</param>
public sealed record AgreementParty(string Name, string Country, string? RegistrationNumber, decimal Allocation);
