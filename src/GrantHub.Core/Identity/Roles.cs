namespace GrantHub.Core.Identity;

/// <summary>Staff roles. Applicants have none: their rights follow from organisation membership.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string ProgrammeOfficer = nameof(ProgrammeOfficer);
    public const string Reviewer = nameof(Reviewer);
    public const string FinanceOfficer = nameof(FinanceOfficer);

    public static readonly IReadOnlyList<string> All = [Admin, ProgrammeOfficer, Reviewer, FinanceOfficer];
}
