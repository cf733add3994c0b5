using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Infrastructure.Seeding;

/// <summary>
/// Creates the first Admin of a production installation from <c>Bootstrap:AdminEmail</c> and
/// <c>Bootstrap:AdminPassword</c>, only while no Admin exists. Empty values mean "not configured".
/// </summary>
public sealed class AdminBootstrap(
    IConfiguration configuration,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    ILogger<AdminBootstrap> logger)
{
    public async Task EnsureAdminAsync()
    {
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        await EnsureRolesAsync(roles);
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            admin = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator" };
            var created = await users.CreateAsync(admin, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Bootstrap:AdminPassword was refused: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }

        await users.AddToRoleAsync(admin, Roles.Admin);
        // A browser session keeps the roles it signed in with (CookieStampCheck): an existing account signs in again as Admin.
        await users.UpdateSecurityStampAsync(admin);
        logger.LogInformation("Made {Email} the first administrator, from the Bootstrap settings.", email);
    }

    /// <summary>Why a Production installation without an Admin refuses to start: nobody could manage it, yet anyone could register.</summary>
    public const string NoAdminMessage =
        "GrantHub did not start: no administrator exists, so nobody could manage accounts while anyone could register. " +
        "Set Bootstrap:AdminEmail and Bootstrap:AdminPassword for the first start (remove the password afterwards).";

    public async Task<bool> AnyAdminAsync() =>
        await roles.RoleExistsAsync(Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0;

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole<Guid>> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }
    }
}
