using GrantHub.Core.Calls;
using GrantHub.Core.Data;
using GrantHub.Core.Funds;
using GrantHub.Core.Identity;
using GrantHub.Core.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure;

/// <summary>
/// Demo accounts and data for the embedded default (<c>Demo:Seed=true</c>). Idempotent: each piece is
/// created only when it is missing, so restarts and a second instance leave one copy of everything.
/// </summary>
public sealed class DemoData(
    GrantHubDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    TimeProvider clock)
{
    public const string Password = "Demo#2026pass";
    public const string CoreFundName = "Women, Peace and Security Core Fund";
    public const string RapidResponseFundName = "Rapid Response Fund for Women Human Rights Defenders";
    public const string OpenCallTitle = "Core funding for women peacebuilders, 2027-2029";
    public const string LeadOrganisationName = "Nari Shanti Collective";
    public const string PartnerOrganisationName = "Association des Femmes Bâtisseuses de Paix";

    public static readonly IReadOnlyList<(string Email, string DisplayName, string[] Roles)> Accounts =
    [
        ("admin@granthub.local", "Ada Admin", [Roles.Admin]),
        ("officer@granthub.local", "Olivia Officer", [Roles.ProgrammeOfficer]),
        ("reviewer@granthub.local", "Rita Reviewer", [Roles.Reviewer]),
        ("reviewer2@granthub.local", "Rosa Reviewer", [Roles.Reviewer]),
        ("finance@granthub.local", "Fatima Finance", [Roles.FinanceOfficer]),
        ("finance2@granthub.local", "Frida Finance", [Roles.FinanceOfficer]),
        ("lead@granthub.local", "Laxmi Lead", []),
        ("partner@granthub.local", "Pascaline Partner", []),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await AdminBootstrap.EnsureRolesAsync(roles);

        var accounts = new Dictionary<string, ApplicationUser>();
        foreach (var (email, displayName, accountRoles) in Accounts)
        {
            accounts[email] = await EnsureUserAsync(email, displayName, accountRoles);
        }

        var now = clock.GetUtcNow();
        if (!await db.Funds.AnyAsync(f => f.Name == CoreFundName, cancellationToken))
        {
            var coreFund = new Fund(CoreFundName, FundKind.CoreFunding, "EUR", 2_000_000_00, 50_000_00, now);
            db.Funds.Add(coreFund);
            db.Funds.Add(new Fund(RapidResponseFundName, FundKind.RapidResponse, "EUR", 250_000_00, 5_000_00, now));

            var call = new Call(OpenCallTerms(coreFund.Id, now), accounts["officer@granthub.local"].Id, now);
            call.Publish(now);
            db.Calls.Add(call);

            db.Organisations.Add(new Organisation(
                LeadOrganisationName, "NP", OrganisationType.WomensRightsOrganisation, "NP-SWC-2011-0457",
                180_000_00, womenLed: true, sensitive: false, accounts["lead@granthub.local"].Id, now));
            db.Organisations.Add(new Organisation(
                PartnerOrganisationName, "BI", OrganisationType.CommunityGroup, registrationNumber: null,
                45_000_00, womenLed: true, sensitive: true, accounts["partner@granthub.local"].Id, now));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static CallTerms OpenCallTerms(Guid fundId, DateTimeOffset now) => new(
        fundId,
        OpenCallTitle,
        "Flexible, multi-year core funding for consortia of women's rights organisations working on peace and security. " +
        "Funds may be used for any purpose that advances the organisations' missions, including salaries, security and rent.",
        [Pillar.Participation, Pillar.Prevention, Pillar.Protection, Pillar.ReliefAndRecovery],
        ["NP", "BI", "CO", "UA", "SD", "CD", "MM", "PH", "LB", "YE"],
        50_000_00,
        300_000_00,
        12,
        36,
        now.AddDays(-1),
        now.AddDays(60),
        ConsortiumRequired: true,
        MinPartners: 1,
        MaxPartners: 4,
        [
            new RubricCriterion("Relevance to women, peace and security", 30, 5),
            new RubricCriterion("Strength and equity of the consortium", 25, 5),
            new RubricCriterion("Organisational resilience and safety", 25, 5),
            new RubricCriterion("Reach of marginalised women", 20, 5),
        ],
        MinReviewsPerApplication: 2);

    private async Task<ApplicationUser> EnsureUserAsync(string email, string displayName, string[] userRoles)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            ThrowIfFailed(await users.CreateAsync(user, Password));
        }

        foreach (var role in userRoles)
        {
            if (!await users.IsInRoleAsync(user, role))
            {
                ThrowIfFailed(await users.AddToRoleAsync(user, role));
            }
        }

        return user;
    }

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
