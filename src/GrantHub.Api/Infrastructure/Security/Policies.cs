using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Authorization;

namespace GrantHub.Api.Infrastructure.Security;

/// <summary>Authorization policies for staff roles; object-level access is checked by each handler.</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string ProgrammeOfficer = "ProgrammeOfficer";
    public const string FinanceOfficer = "FinanceOfficer";
    public const string Reviewer = "Reviewer";
    public const string Staff = "Staff";
    public const string AdminOrProgrammeOfficer = "AdminOrProgrammeOfficer";
    public const string AdminOrFinance = "AdminOrFinance";
    public const string AdminProgrammeOrFinance = "AdminProgrammeOrFinance";

    public static void AddGrantHubPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(ProgrammeOfficer, p => p.RequireRole(Roles.ProgrammeOfficer));
        options.AddPolicy(FinanceOfficer, p => p.RequireRole(Roles.FinanceOfficer));
        options.AddPolicy(Reviewer, p => p.RequireRole(Roles.Reviewer));
        options.AddPolicy(Staff, p => p.RequireRole([.. Roles.All]));
        options.AddPolicy(AdminOrProgrammeOfficer, p => p.RequireRole(Roles.Admin, Roles.ProgrammeOfficer));
        options.AddPolicy(AdminOrFinance, p => p.RequireRole(Roles.Admin, Roles.FinanceOfficer));
        options.AddPolicy(AdminProgrammeOrFinance, p => p.RequireRole(Roles.Admin, Roles.ProgrammeOfficer, Roles.FinanceOfficer));
    }
}
