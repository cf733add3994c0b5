using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Funds;
using GrantHub.Core.Identity;
using GrantHub.Core.Organisations;
using GrantHub.Core.Reviews;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Seeding;

/// <summary>
/// Demo accounts and data for the embedded default (<c>Demo:Seed=true</c>). Idempotent: each piece is
/// created only when it is missing, so restarts and a second instance leave one copy of everything; a demo account
/// someone erased comes back at the next start.
/// </summary>
public sealed class DemoData(
    GrantHubDbContext db,
    UserManager<ApplicationUser> users,
    IUserStore<ApplicationUser> userStore,
    RoleManager<IdentityRole<Guid>> roles,
    TimeProvider clock)
{
    public const string Password = "Demo#2026pass";

    /// <summary>
    /// The authenticator key of the demo admin, officers and finance officers, fixed and published so that anyone trying
    /// the demo can compute their codes (<c>oathtool --totp -b KEY</c>, or any authenticator app). Only ever seeded with
    /// <c>Demo:Seed</c>, which Production refuses.
    /// </summary>
    public const string StaffAuthenticatorKey = "GRANTHUBDEMOSTAFFSECONDFACTORKEY";
    public const string CoreFundName = "Women, Peace and Security Core Fund";
    public const string RapidResponseFundName = "Rapid Response Fund for Women Human Rights Defenders";
    public const string OpenCallTitle = "Core funding for women peacebuilders, 2027-2029";
    public const string SecondOpenCallTitle = "Consortium grants for young women peacebuilders, 2027-2028";
    public const string SubmittedApplicationTitle = "Women mediators for local peace in the Terai and the Great Lakes";
    public const string DraftApplicationTitle = "Young women's safety networks across borders";
    public const string LeadOrganisationName = "Nari Shanti Collective";
    public const string PartnerOrganisationName = "Association des Femmes Bâtisseuses de Paix";
    public const string PartnerOrganisationAlias = "Collines de paix";

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
        if (await AlreadySeededAsync(cancellationToken))
        {
            return;
        }

        await AdminBootstrap.EnsureRolesAsync(roles);

        var accounts = new Dictionary<string, ApplicationUser>();
        foreach (var (email, displayName, accountRoles) in Accounts)
        {
            accounts[email] = await EnsureUserAsync(email, displayName, accountRoles);
        }

        var now = clock.GetUtcNow();
        if (!await db.Funds.AnyAsync(f => f.Name == CoreFundName, cancellationToken))
        {
            var coreFund = new Fund(CoreFundName, FundKind.CoreFunding, Euros(2_000_000), Euros(50_000), now);
            db.Funds.Add(coreFund);
            db.Funds.Add(new Fund(RapidResponseFundName, FundKind.RapidResponse, Euros(250_000), Euros(5_000), now));

            var call = new Call(OpenCallTerms(coreFund.Id, now), accounts["officer@granthub.local"].Id, now);
            call.Publish(now);
            db.Calls.Add(call);

            db.Organisations.Add(new Organisation(
                LeadOrganisationName, "NP", OrganisationType.WomensRightsOrganisation, "NP-SWC-2011-0457",
                Money.Of(180_000, Organisation.BudgetCurrency), womenLed: true, sensitive: false, accounts["lead@granthub.local"].Id, now));
            var partner = new Organisation(
                PartnerOrganisationName, "BI", OrganisationType.CommunityGroup, registrationNumber: null,
                Money.Of(45_000, Organisation.BudgetCurrency), womenLed: true, sensitive: true, accounts["partner@granthub.local"].Id, now);
            partner.ChangeAlias(PartnerOrganisationAlias);
            db.Organisations.Add(partner);
            await db.SaveChangesAsync(cancellationToken);
        }

        await SeedApplicationsAsync(accounts["officer@granthub.local"].Id, accounts["lead@granthub.local"].Id, now, cancellationToken);
        await SeedReviewsAsync(
            accounts["officer@granthub.local"].Id,
            accounts["reviewer@granthub.local"].Id,
            accounts["reviewer2@granthub.local"].Id,
            now,
            cancellationToken);
    }

    /// <summary>
    /// The demo consortium (lead in Nepal, partner in Burundi) has a submitted application on the main open call
    /// and a draft, with the partner still to confirm, on a second open call: one organisation leads at most one
    /// application per call, and a second call keeps both applications with the same, seeded consortium.
    /// </summary>
    private async Task SeedApplicationsAsync(Guid officerId, Guid leadUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fund = await db.Funds.FirstOrDefaultAsync(f => f.Name == CoreFundName, cancellationToken);
        var lead = await db.Organisations.NamedExactly(db.Cipher, LeadOrganisationName).FirstOrDefaultAsync(cancellationToken);
        var partner = await db.Organisations.NamedExactly(db.Cipher, PartnerOrganisationName).FirstOrDefaultAsync(cancellationToken);
        var openCall = await db.Calls.FirstOrDefaultAsync(c => c.Title == OpenCallTitle, cancellationToken);
        if (fund is null || lead is null || partner is null || openCall is null)
        {
            return;
        }

        var secondCall = await db.Calls.FirstOrDefaultAsync(c => c.Title == SecondOpenCallTitle, cancellationToken);
        if (secondCall is null)
        {
            secondCall = new Call(SecondOpenCallTerms(fund.Id, now), officerId, now);
            secondCall.Publish(now);
            db.Calls.Add(secondCall);
        }

        if (openCall.IsAcceptingSubmissions(now) && !await LeadsApplicationAsync(openCall, lead, cancellationToken))
        {
            var submitted = Application.Draft(openCall, lead.Id, fund.Currency, SubmittedApplicationNarrative(), leadUserId, now);
            submitted.InvitePartner(partner.Id, now);
            submitted.SetBudget(
            [
                new BudgetLine(lead.Id, 1, Euros(45_000)), new BudgetLine(lead.Id, 2, Euros(45_000)), new BudgetLine(lead.Id, 3, Euros(40_000)),
                new BudgetLine(partner.Id, 1, Euros(20_000)), new BudgetLine(partner.Id, 2, Euros(20_000)), new BudgetLine(partner.Id, 3, Euros(20_000)),
            ], now);
            submitted.ConfirmPartner(partner.Id, now);
            submitted.Submit(openCall, lead, now);
            db.Applications.Add(submitted);
        }

        if (secondCall.IsAcceptingSubmissions(now) && !await LeadsApplicationAsync(secondCall, lead, cancellationToken))
        {
            var draft = Application.Draft(secondCall, lead.Id, fund.Currency, DraftApplicationNarrative(), leadUserId, now);
            draft.InvitePartner(partner.Id, now);
            draft.SetBudget([new BudgetLine(lead.Id, 1, Euros(30_000)), new BudgetLine(lead.Id, 2, Euros(30_000))], now);
            db.Applications.Add(draft);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Both demo reviewers review the submitted application: the first has declared no conflict and submitted her
    /// scores, the second still has to declare, so a newcomer sees each step of the review flow.
    /// </summary>
    private async Task SeedReviewsAsync(Guid officerId, Guid reviewerId, Guid secondReviewerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FirstOrDefaultAsync(
            a => a.Title == SubmittedApplicationTitle && a.Status == ApplicationStatus.Submitted,
            cancellationToken);
        if (application is null || await db.ReviewAssignments.AnyAsync(r => r.ApplicationId == application.Id, cancellationToken))
        {
            return;
        }

        var rubric = await db.Calls.AsNoTracking().Where(c => c.Id == application.CallId).Select(c => c.Rubric).SingleAsync(cancellationToken);
        var dueAt = now.AddDays(14);
        var submitted = ReviewAssignment.Assign(application, reviewerId, new HashSet<Guid>(), dueAt, officerId, now);
        submitted.DeclareConflict(hasConflict: false, statement: null, now);
        submitted.SaveDraft(
            [.. rubric.Select((criterion, index) => new CriterionScore(criterion.Criterion, criterion.MaxScore - (index % 2)))],
            "A strong, equitable consortium with a credible safety plan; the monitoring of reach could be sharper.",
            rubric,
            now);
        submitted.Submit(rubric, now);
        db.ReviewAssignments.Add(submitted);
        db.ReviewAssignments.Add(ReviewAssignment.Assign(application, secondReviewerId, new HashSet<Guid>(), dueAt, officerId, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The reviews are seeded last, so once they exist, and every role and demo account does too, a start has nothing to
    /// add and skips the thirty or so look-ups below, which sat on its critical path.
    /// </summary>
    private async Task<bool> AlreadySeededAsync(CancellationToken cancellationToken)
    {
        var emails = Accounts.Select(account => users.NormalizeEmail(account.Email)).ToList();
        return await db.ReviewAssignments.AnyAsync(
                review => db.Applications.Any(a => a.Id == review.ApplicationId && a.Title == SubmittedApplicationTitle),
                cancellationToken) &&
            await roles.Roles.CountAsync(cancellationToken) >= Roles.All.Count &&
            await users.Users.CountAsync(user => emails.Contains(user.NormalizedEmail!), cancellationToken) == Accounts.Count;
    }

    private Task<bool> LeadsApplicationAsync(Call call, Organisation lead, CancellationToken cancellationToken) =>
        db.Applications.AnyAsync(
            a => a.CallId == call.Id && a.LeadOrganisationId == lead.Id && a.Status != ApplicationStatus.Withdrawn,
            cancellationToken);

    private static ApplicationNarrative SubmittedApplicationNarrative() => new(
        SubmittedApplicationTitle,
        "Three years of core support for two women-led organisations that train and accompany women mediators in " +
        "local peace committees, run safe spaces for survivors and keep their staff safe while they do it.",
        [Pillar.Participation, Pillar.Protection],
        ["NP", "BI"],
        [TargetGroup.RuralWomen, TargetGroup.WomenHumanRightsDefenders, TargetGroup.DisplacedWomen],
        36);

    private static ApplicationNarrative DraftApplicationNarrative() => new(
        DraftApplicationTitle,
        "Two years of flexible funding for peer networks in which young women document threats, share safety " +
        "plans and take part in local peace dialogues.",
        [Pillar.Prevention, Pillar.Participation],
        ["NP", "BI"],
        [TargetGroup.YoungWomen, TargetGroup.SexualAndGenderMinorities],
        24);

    private static Money Euros(decimal amount) => Money.Of(amount, "EUR");

    private static CallTerms SecondOpenCallTerms(Guid fundId, DateTimeOffset now) => new(
        fundId,
        SecondOpenCallTitle,
        "Two-year flexible grants for consortia in which young women lead: networks, safety and participation in peace processes.",
        [Pillar.Participation, Pillar.Prevention],
        ["NP", "BI", "CO", "UA", "SD", "PH"],
        Euros(20_000),
        Euros(120_000),
        12,
        24,
        now.AddDays(-1),
        now.AddDays(45),
        ConsortiumRequired: true,
        MinPartners: 1,
        MaxPartners: 3,
        [
            new RubricCriterion("Leadership of young women", 40, 5, "Young women decide the work and lead it, not only take part in it."),
            new RubricCriterion("Strength and equity of the consortium", 30, 5),
            new RubricCriterion("Safety and sustainability", 30, 5, "A realistic security plan for the people involved, and work that outlasts the grant."),
        ],
        MinReviewsPerApplication: 2);

    private static CallTerms OpenCallTerms(Guid fundId, DateTimeOffset now) => new(
        fundId,
        OpenCallTitle,
        "Flexible, multi-year core funding for consortia of women's rights organisations working on peace and security. " +
        "Funds may be used for any purpose that advances the organisations' missions, including salaries, security and rent.",
        [Pillar.Participation, Pillar.Prevention, Pillar.Protection, Pillar.ReliefAndRecovery],
        ["NP", "BI", "CO", "UA", "SD", "CD", "MM", "PH", "LB", "YE"],
        Euros(50_000),
        Euros(300_000),
        12,
        36,
        now.AddDays(-1),
        now.AddDays(60),
        ConsortiumRequired: true,
        MinPartners: 1,
        MaxPartners: 4,
        [
            new RubricCriterion("Relevance to women, peace and security", 30, 5, "How directly the work advances at least one pillar of the agenda in the countries named."),
            new RubricCriterion("Strength and equity of the consortium", 25, 5, "Each partner has a real role, a fair share of the budget and a say in decisions."),
            new RubricCriterion("Organisational resilience and safety", 25, 5),
            new RubricCriterion("Reach of marginalised women", 20, 5),
        ],
        MinReviewsPerApplication: 2);

    private async Task<ApplicationUser> EnsureUserAsync(string email, string displayName, string[] userRoles)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
                TwoFactorEnabled = userRoles.Any(SecondFactorRoles.Contains),
            };
            ThrowIfFailed(await users.CreateAsync(user, Password));
            if (user.TwoFactorEnabled)
            {
                await ((IUserAuthenticatorKeyStore<ApplicationUser>)userStore).SetAuthenticatorKeyAsync(user, StaffAuthenticatorKey, CancellationToken.None);
                ThrowIfFailed(await users.UpdateAsync(user));
            }
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

    /// <summary>The roles that act only with a second factor (as the Auth feature requires; seeding may not depend on a feature).</summary>
    private static readonly string[] SecondFactorRoles = [Roles.Admin, Roles.ProgrammeOfficer, Roles.FinanceOfficer];

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
