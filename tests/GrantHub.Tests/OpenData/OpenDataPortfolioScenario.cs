using GrantHub.Api.Features.Calls;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Emergency;
using GrantHub.Core.Funds;
using GrantHub.Core.Grants;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

using static GrantHub.Tests.Infrastructure.Amounts;

namespace GrantHub.Tests.OpenData;

/// <summary>Everything that identifies a sensitive organisation, which no export may contain.</summary>
public sealed record SensitiveFacts(Guid Id, string Name, string RegistrationNumber, string Country, string CountryName, IReadOnlyList<string> Texts, IReadOnlyList<string> UniqueAmounts);

/// <summary>
/// A portfolio with every case the exports must handle: a named consortium (its first tranche paid), a grant led by a
/// sensitive organisation (named partner), a named lead with a sensitive partner (terminated), a grant still awaiting
/// signature (not published), and emergency grants to a named and to a sensitive organisation (paid), plus an
/// emergency request still undecided (not published).
/// </summary>
public sealed record OpenDataPortfolioScenario(
    string NamedLeadName,
    string NamedPartnerName,
    string ConsortiumLeadName,
    SensitiveFacts SensitiveLead,
    SensitiveFacts SensitivePartner)
{
    public IEnumerable<SensitiveFacts> Sensitive => [SensitiveLead, SensitivePartner];
}

public static class OpenDataPortfolioScenarios
{
    public static async Task<OpenDataPortfolioScenario> BuildPortfolio(this GrantHubFactory factory)
    {
        var officerId = await factory.UserId(GrantScenarios.OfficerEmail);
        var financeId = await factory.UserId("finance@granthub.local");
        var ownerId = await factory.UserId("lead@granthub.local");
        var coreFund = await factory.CreateFund(budget: 5_000_000m, approvalThreshold: 1_000_000m);
        var call = await factory.CreateOpenCall(GrantScenarios.CallFor(coreFund.Id, 500_000m, factory.Clock.GetUtcNow()));
        var tag = Guid.NewGuid().ToString("N")[..8];

        var namedLead = await factory.Organisation($"Nari Collective {tag}", "NP", $"NP-REG-{tag}", sensitive: false, ownerId);
        var namedPartner = await factory.Organisation($"Peace Weavers {tag}", "NP", $"NP-PW-{tag}", sensitive: false, ownerId);
        var consortiumLead = await factory.Organisation($"Red de Mujeres {tag}", "CO", $"CO-RM-{tag}", sensitive: false, ownerId);
        var sensitiveLead = await factory.Organisation($"Abri des Défenseures {tag}", "BI", $"BI-DS-{tag}", sensitive: true, ownerId);
        var sensitivePartner = await factory.Organisation($"Gitega Safe Circle {tag}", "BI", $"BI-GS-{tag}", sensitive: true, ownerId);

        var sensitiveLeadTitle = $"Abri géré par les défenseures {tag}";
        var sensitiveLeadSummary = $"Relocation of defenders from Gitega hill {tag}.";
        var consortiumSummary = $"Mediation with Gitega Safe Circle {tag} in Ngozi.";
        var emergencyJustification = $"Évacuer la coordinatrice de l'Abri des Défenseures {tag} ce soir.";

        await factory.AwardActivePaid(call.Id, officerId, financeId, namedLead, namedPartner, 90_000_00, "Village peace committees", "Women mediators in Terai districts.", ["NP"], payFirstTranche: true);
        await factory.AwardActivePaid(call.Id, officerId, financeId, sensitiveLead, namedPartner, 123_457_89, sensitiveLeadTitle, sensitiveLeadSummary, ["BI"], payFirstTranche: true);
        var terminated = await factory.AwardActivePaid(call.Id, officerId, financeId, consortiumLead, sensitivePartner, 77_777_77, "Corredores humanitarios", consortiumSummary, ["CO", "BI"], payFirstTranche: false);
        await factory.WithDb(async db =>
        {
            var grant = await db.Grants.Include(g => g.Tranches).SingleAsync(g => g.Id == terminated);
            var fund = await db.Funds.SingleAsync(f => f.Id == grant.FundId);
            fund.Release(grant.Terminate("The partner had to suspend its work.", officerId, factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            return 0;
        });
        await factory.AwardOnly(call.Id, officerId, namedPartner, namedLead, 55_000_00, ["NP"]);

        var rapidFund = await factory.CreateFund(FundKind.RapidResponse, budget: 250_000m, approvalThreshold: 50_000m);
        await factory.Emergency(rapidFund.Id, namedLead.Id, 4_000_00, "Replace the office laptop seized in a raid.", ownerId, financeId, paid: true);
        await factory.Emergency(rapidFund.Id, sensitiveLead.Id, 3_456_78, emergencyJustification, ownerId, financeId, paid: true);
        await factory.Emergency(rapidFund.Id, sensitivePartner.Id, 2_000_00, "Still to be decided.", ownerId, financeId, paid: null);

        return new OpenDataPortfolioScenario(
            namedLead.Name,
            namedPartner.Name,
            consortiumLead.Name,
            new SensitiveFacts(sensitiveLead.Id, sensitiveLead.Name, sensitiveLead.RegistrationNumber!, "BI", "Burundi",
                [sensitiveLeadTitle, sensitiveLeadSummary, emergencyJustification], ["123457.89", "123457", "3456.78"]),
            new SensitiveFacts(sensitivePartner.Id, sensitivePartner.Name, sensitivePartner.RegistrationNumber!, "BI", "Burundi",
                [consortiumSummary, "Corredores humanitarios"], ["77777.77"]));
    }

    private static Task<Organisation> Organisation(this GrantHubFactory factory, string name, string country, string registration, bool sensitive, Guid ownerId) =>
        factory.WithDb(async db =>
        {
            var organisation = new Organisation(name, country, OrganisationType.WomensRightsOrganisation, registration, new Money(50_000_00, "USD"), womenLed: true, sensitive, ownerId, factory.Clock.GetUtcNow());
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation;
        });

    /// <summary>Awards (half to each member), signs, and optionally approves and pays the first tranche, through the domain.</summary>
    private static Task<Guid> AwardActivePaid(
        this GrantHubFactory factory, Guid callId, Guid officerId, Guid financeId, Organisation lead, Organisation partner, long amount,
        string title, string summary, List<string> countries, bool payFirstTranche) =>
        factory.WithDb(async db =>
        {
            var grant = await Award(factory, db, callId, officerId, lead, partner, amount, title, summary, countries);
            var now = factory.Clock.GetUtcNow();
            var today = factory.Today();
            var sha = new string('a', 64);
            grant.AddAgreementVersion(1, sha, officerId, now);
            grant.Sign(sha, grant.SigningPartyFor(lead.Id), lead.Members.First().UserId, today, now);
            grant.Sign(sha, grant.SigningPartyFor(partner.Id), partner.Members.First().UserId, today, now);
            grant.Sign(sha, grant.SigningPartyFor(null), officerId, today, now);
            if (payFirstTranche)
            {
                var fund = await db.Funds.SingleAsync(f => f.Id == grant.FundId);
                var tranche = grant.DecideTranche(1, financeId, Core.Common.ApprovalDecision.Approve, null, fund, today, now);
                grant.RecordPayment(1, $"BANK-{grant.GrantNumber}", today, asReceived: null, financeId, now);
                fund.Disburse(tranche.Amount);
            }

            await db.SaveChangesAsync();
            return grant.Id;
        });

    private static Task<Guid> AwardOnly(this GrantHubFactory factory, Guid callId, Guid officerId, Organisation lead, Organisation partner, long amount, List<string> countries) =>
        factory.WithDb(async db =>
        {
            var grant = await Award(factory, db, callId, officerId, lead, partner, amount, "Awaiting signature", "Not yet published.", countries);
            await db.SaveChangesAsync();
            return grant.Id;
        });

    private static async Task<Grant> Award(
        GrantHubFactory factory, Core.Data.GrantHubDbContext db, Guid callId, Guid officerId, Organisation lead, Organisation partner, long amount,
        string title, string summary, List<string> countries)
    {
        var now = factory.Clock.GetUtcNow();
        var call = await db.Calls.SingleAsync(c => c.Id == callId);
        var leadEntity = await db.Organisations.SingleAsync(o => o.Id == lead.Id);
        var application = Application.Draft(
            call, lead.Id, "EUR",
            new ApplicationNarrative(title, summary, [Pillar.Participation, Pillar.Protection], countries, [TargetGroup.WomenHumanRightsDefenders], 36),
            lead.Members.First().UserId, now);
        application.InvitePartner(partner.Id, now);
        application.SetBudget([new BudgetLine(lead.Id, 1, EuroCents(amount - (amount / 2))), new BudgetLine(partner.Id, 1, EuroCents(amount / 2))], now);
        application.ConfirmPartner(partner.Id, now);
        application.Submit(call, leadEntity, now);
        application.StartReview();
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        var grant = await new GrantAwarding(db).AwardAsync(
            new GrantAwardTerms(application.Id, callId, lead.Id, EuroCents(amount), factory.Today(), 36, application.AllocationsFor(EuroCents(amount)), null),
            officerId, now, CancellationToken.None);
        application.Award(now);
        await db.SaveChangesAsync();
        return grant;
    }

    private static Task Emergency(this GrantHubFactory factory, Guid fundId, Guid organisationId, long amount, string justification, Guid requesterId, Guid financeId, bool? paid) =>
        factory.WithDb(async db =>
        {
            var now = factory.Clock.GetUtcNow();
            var fund = await db.Funds.SingleAsync(f => f.Id == fundId);
            var request = new EmergencyRequest(organisationId, fund, EuroCents(amount), EmergencyCategory.SafetyAndRelocation, justification, factory.Today().AddDays(3), requesterId, null, now, TimeSpan.FromHours(72));
            if (paid is not null)
            {
                request.Approve(fund, financeId, null, new OrganisationAllowance(await db.Organisations.SingleAsync(o => o.Id == organisationId), null, EuroCents(0)), now);
                if (paid.Value)
                {
                    request.RecordPayment(fund, financeId, $"EMERGENCY-{request.Id:N}", factory.Today(), asReceived: null, now);
                }
            }

            db.EmergencyRequests.Add(request);
            await db.SaveChangesAsync();
            return 0;
        });
}
