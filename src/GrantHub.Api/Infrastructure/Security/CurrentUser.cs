using System.Security.Claims;
using GrantHub.Core.Common;

namespace GrantHub.Api.Infrastructure.Security;

/// <summary>The user on whose behalf a command runs; anonymous for scheduled jobs and public reads.</summary>
public interface ICurrentUser
{
    Guid? Id { get; }
    string? Email { get; }
    bool IsInRole(string role);
}

public static class CurrentUserExtensions
{
    public static Guid RequiredId(this ICurrentUser user) =>
        user.Id ?? throw new ForbiddenException("This action needs a signed-in user.");

    public static bool IsStaff(this ICurrentUser user) =>
        GrantHub.Core.Identity.Roles.All.Any(user.IsInRole);

    /// <summary>
    /// Admins, programme officers and finance officers oversee every organisation, application, grant and request.
    /// Reviewers are staff too, but see only what is assigned to them.
    /// </summary>
    public static bool SeesAllApplicantData(this ICurrentUser user) =>
        user.IsInRole(GrantHub.Core.Identity.Roles.Admin)
        || user.IsInRole(GrantHub.Core.Identity.Roles.ProgrammeOfficer)
        || user.IsInRole(GrantHub.Core.Identity.Roles.FinanceOfficer);
}

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? Id =>
        Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? Email => Principal?.FindFirstValue(ClaimTypes.Email) ?? Principal?.FindFirstValue(ClaimTypes.Name);

    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;
}
