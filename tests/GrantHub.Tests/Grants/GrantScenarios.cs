using System.Net;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Funds;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Features.Users;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Grants;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Grants;

/// <summary>A person in a grant scenario: their account and a signed-in client.</summary>
public sealed record ScenarioUser(Guid Id, string Email, HttpClient Client);

/// <summary>
/// An awarded grant to a two-member consortium: the lead organisation (an owner and a plain member) and a partner
/// (its owner), plus a stranger who belongs to another organisation.
/// </summary>
public sealed record GrantScenario(
    Guid GrantId,
    FundResponse Fund,
    Guid LeadOrganisationId,
    Guid PartnerOrganisationId,
    ScenarioUser LeadOwner,
    ScenarioUser LeadMember,
    ScenarioUser PartnerOwner,
    ScenarioUser Stranger)
{
    public string Url => $"/api/grants/{GrantId}";
}

/// <summary>
/// Builds grants through the domain, as the award decision does: a consortium's application is submitted to an open
/// call, the call closes, and the grant is created with <see cref="GrantAwarding"/> straight in the database, which
/// lets a scenario choose any awarding officer, start date and tranche plan. The decision endpoint itself is tested
/// in <c>Decisions/</c>.
/// </summary>
public static class GrantScenarios
{
    public const string OfficerEmail = "officer@granthub.local";

    /// <summary>
    /// Awards a grant, by default 90,000 EUR over 36 months from today, 60,000 to the lead and 30,000 to the partner,
    /// from a fund of 1,000,000 whose approval threshold is 100,000 (so every default tranche needs one approval).
    /// </summary>
    public static async Task<GrantScenario> AwardGrant(
        this GrantHubFactory factory,
        decimal amount = 90_000m,
        DateOnly? startDate = null,
        int durationMonths = 36,
        decimal fundBudget = 1_000_000m,
        decimal approvalThreshold = 100_000m,
        Guid? awardedBy = null,
        IReadOnlyList<PlannedTranche>? tranchePlan = null,
        bool sensitiveLead = false,
        bool payMembersDirectly = false)
    {
        var fund = await factory.CreateFund(budget: fundBudget, approvalThreshold: approvalThreshold);
        var call = await factory.CreateOpenCall(CallFor(fund.Id, amount, factory.Clock.GetUtcNow()));
        var leadOwner = await factory.NewScenarioUser("lead-owner");
        var leadMember = await factory.NewScenarioUser("lead-member");
        var partnerOwner = await factory.NewScenarioUser("partner-owner");
        var stranger = await factory.NewScenarioUser("stranger");
        var lead = await factory.CreateOrganisation("Lead collective", leadOwner.Id, sensitiveLead, (leadMember.Id, MembershipRole.Member));
        var partner = await factory.CreateOrganisation("Partner network", partnerOwner.Id);
        await factory.CreateOrganisation("Unrelated group", stranger.Id);
        var officerId = awardedBy ?? await factory.UserId(OfficerEmail);

        var total = Money.Of(amount, fund.Currency);
        var partnerShare = total.MinorUnits / 3;
        var applicationId = await factory.SubmitThroughDomain(call.Id, lead, partner, total.MinorUnits - partnerShare, partnerShare, durationMonths, leadOwner.Id);
        var grantId = await factory.WithDb(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
            (await db.Calls.SingleAsync(c => c.Id == call.Id)).Close(now);
            var grant = await new GrantAwarding(db).AwardAsync(
                new GrantAwardTerms(
                    applicationId,
                    call.Id,
                    lead,
                    total,
                    startDate ?? factory.Today(),
                    durationMonths,
                    application.AllocationsFor(total),
                    tranchePlan,
                    payMembersDirectly),
                officerId,
                now,
                CancellationToken.None);
            application.Award(now);
            await db.SaveChangesAsync();
            return grant.Id;
        });

        return new GrantScenario(grantId, fund, lead, partner, leadOwner, leadMember, partnerOwner, stranger);
    }

    /// <summary>
    /// The officer generates the agreement and every party signs it (the lead's owner, the partner's owner, and the
    /// officer for the funder): the grant is Active.
    /// </summary>
    public static async Task<GrantResponse> Activate(this GrantHubFactory factory, GrantScenario scenario)
    {
        var version = await factory.GenerateAgreement(scenario);
        return await factory.SignByEveryParty(scenario, version.Sha256);
    }

    /// <summary>Every party signs the version: the lead's owner, the partner's owner and the officer for the funder.</summary>
    public static async Task<GrantResponse> SignByEveryParty(this GrantHubFactory factory, GrantScenario scenario, string sha256)
    {
        await (await scenario.LeadOwner.SignAgreement(scenario, sha256, scenario.LeadOrganisationId)).ShouldBe(HttpStatusCode.OK);
        return await factory.SignByEveryPartyButTheLead(scenario, sha256);
    }

    /// <summary>The partner's owner and then the officer, for the funder, sign the version.</summary>
    public static async Task<GrantResponse> SignByEveryPartyButTheLead(this GrantHubFactory factory, GrantScenario scenario, string sha256)
    {
        await (await scenario.PartnerOwner.SignAgreement(scenario, sha256, scenario.PartnerOrganisationId)).ShouldBe(HttpStatusCode.OK);
        return await (await (await factory.Officer()).PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest(sha256))).ReadAs<GrantResponse>();
    }

    /// <summary>The user signs the latest agreement version for the organisation (or, without one, for the funder).</summary>
    public static Task<HttpResponseMessage> SignAgreement(this ScenarioUser user, GrantScenario scenario, string sha256, Guid? organisationId = null) =>
        user.Client.PostJson($"{scenario.Url}/agreement/sign", new SignAgreementRequest(sha256, organisationId));

    public static async Task<AgreementVersionResponse> GenerateAgreement(this GrantHubFactory factory, GrantScenario scenario)
    {
        var officer = await factory.Officer();
        return await (await officer.PostJson($"{scenario.Url}/agreement")).ReadAs<AgreementVersionResponse>(HttpStatusCode.Created);
    }

    public static async Task<GrantResponse> GetGrant(this GrantHubFactory factory, GrantScenario scenario) =>
        await (await (await factory.Officer()).GetAsync(scenario.Url)).ReadAs<GrantResponse>();

    public static async Task<TrancheResponse> Tranche(this GrantHubFactory factory, GrantScenario scenario, int number)
    {
        var tranches = await (await (await factory.Finance()).GetAsync($"{scenario.Url}/tranches")).ReadAs<GrantTranchesResponse>();
        return tranches.Items.Single(t => t.Number == number);
    }

    public static Task<HttpResponseMessage> Approve(this HttpClient finance, GrantScenario scenario, int number) =>
        finance.PostJson($"{scenario.Url}/tranches/{number}/approvals", new TrancheApprovalRequest(ApprovalDecision.Approve, null));

    public static Task<HttpResponseMessage> Pay(this HttpClient finance, GrantScenario scenario, int number, DateOnly paidOn, string reference = "BANK-REF-1") =>
        finance.PostJson($"{scenario.Url}/tranches/{number}/payment", new TranchePaymentRequest(reference, paidOn));

    /// <summary>Approves (once, below the threshold) and pays a due tranche.</summary>
    public static async Task ApproveAndPay(this GrantHubFactory factory, GrantScenario scenario, int number)
    {
        var finance = await factory.Finance();
        await (await finance.Approve(scenario, number)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Pay(scenario, number, factory.Today(), $"BANK-{scenario.GrantId:N}-{number}")).ShouldBe(HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> SubmitReport(this HttpClient client, GrantScenario scenario, Guid reportId, decimal spentToDate = 10_000m) =>
        client.PostJson(
            $"{scenario.Url}/reports/{reportId}/submit",
            new SubmitReportRequest("We kept our safe houses open all year.", spentToDate, "Forty women defenders supported.", null));

    public static async Task AcceptReport(this GrantHubFactory factory, GrantScenario scenario, Guid reportId)
    {
        await (await scenario.LeadMember.Client.SubmitReport(scenario, reportId)).ShouldBe(HttpStatusCode.OK);
        var officer = await factory.Officer();
        await (await officer.PostJson($"{scenario.Url}/reports/{reportId}/review", new ReviewReportRequest(ReportOutcome.Accepted, null)))
            .ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A staff account made by the admin, signed in.</summary>
    public static async Task<ScenarioUser> NewStaffUser(this GrantHubFactory factory, params string[] roles)
    {
        var email = $"staff-{Guid.NewGuid():N}@granthub.local";
        var admin = await factory.Admin();
        var created = await (await admin.PostJson("/api/users", new CreateStaffUserCommand(email, DemoData.Password, "Staff member", roles)))
            .ReadAs<StaffUserResponse>(HttpStatusCode.Created);
        return new ScenarioUser(created.Id, email, await factory.ClientFor(email));
    }

    public static Task<List<string>> NotificationKinds(this GrantHubFactory factory, Guid userId) =>
        factory.WithDb(db => db.Notifications.Where(n => n.RecipientUserId == userId).Select(n => n.Kind).ToListAsync());

    /// <summary>The test call (NP, BI and CO leads; consortium of 1–3 partners) taking any amount up to <paramref name="maxAmount"/>.</summary>
    public static CallInput CallFor(Guid fundId, decimal maxAmount, DateTimeOffset now) =>
        TestData.CallInput(fundId, now) with { MinAmount = 1m, MaxAmount = Math.Max(maxAmount, 300_000m) };

    /// <summary>
    /// An application by the lead with the partner (confirmed), submitted to the open call through the domain:
    /// the lead asks for <paramref name="leadShare"/> and the partner for <paramref name="partnerShare"/>, in year 1.
    /// </summary>
    public static Task<Guid> SubmitThroughDomain(
        this GrantHubFactory factory, Guid callId, Guid leadId, Guid partnerId, long leadShare, long partnerShare, int durationMonths, Guid createdBy) =>
        factory.WithDb(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            var call = await db.Calls.SingleAsync(c => c.Id == callId);
            var lead = await db.Organisations.SingleAsync(o => o.Id == leadId);
            var currency = await db.Funds.Where(f => f.Id == call.FundId).Select(f => f.Currency).SingleAsync();
            var application = Application.Draft(
                call,
                leadId,
                currency,
                new ApplicationNarrative("Safe houses and mediation", "Core support.", [Pillar.Participation], ["NP"], [TargetGroup.RuralWomen], durationMonths),
                createdBy,
                now);
            application.InvitePartner(partnerId, now);
            application.SetBudget([new BudgetLine(leadId, 1, new Money(leadShare, currency)), new BudgetLine(partnerId, 1, new Money(partnerShare, currency))], now);
            application.ConfirmPartner(partnerId, now);
            application.Submit(call, lead, now);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return application.Id;
        });

    public static async Task<ScenarioUser> NewScenarioUser(this GrantHubFactory factory, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.org";
        var client = await factory.NewApplicant(email);
        return new ScenarioUser(await factory.UserId(email), email, client);
    }

    public static Task<Guid> CreateOrganisation(
        this GrantHubFactory factory, string name, Guid ownerId, bool sensitive = false, params (Guid UserId, MembershipRole Role)[] members) =>
        factory.WithDb(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            var organisation = new Organisation(name, "NP", OrganisationType.WomensRightsOrganisation, null, null, womenLed: true, sensitive, ownerId, now);
            foreach (var (userId, role) in members)
            {
                organisation.AddMember(userId, role, now);
            }

            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });
}
