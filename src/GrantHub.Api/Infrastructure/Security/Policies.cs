using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

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

    /// <summary>
    /// Signed in with a bearer token, not a browser cookie: API endpoints that take multipart forms (which a foreign site
    /// could post with the visitor's cookie) accept only this; the web pages post files with an antiforgery token.
    /// </summary>
    public const string BearerToken = "BearerToken";

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
        options.AddPolicy(BearerToken, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
    }
}
