using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Funds;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Core.Grants;

/// <summary>What an award decision fixes; amounts in the call's fund currency.</summary>
public record GrantAwardTerms(
    Guid ApplicationId,
    Guid CallId,
    Guid LeadOrganisationId,
    Money Amount,
    DateOnly StartDate,
    int DurationMonths,
    IReadOnlyDictionary<Guid, Money> Allocations,
    IReadOnlyList<PlannedTranche>? TranchePlan,
    bool PayMembersDirectly = false,
    GrantFiscalHost? FiscalHost = null);

/// <summary>The registered organisation that receives and passes on the money of a group without registration, and its fee.</summary>
public record GrantFiscalHost(Guid OrganisationId, int FeeBasisPoints);

/// <summary>
/// The one way to create a grant; the award decision calls it from its command handler. It takes the next grant
/// number, builds the grant, commits its amount against the call's fund and adds the grant to the unit of work; the
/// caller then saves once. Call it inside the command's transaction (every command has one): the number is taken by an
/// UPDATE in SQL, given back if the command fails. The fund is versioned, so two awards racing for the last of a fund
/// never both succeed: the loser is retried and gets <c>fund-insufficient</c>. Whether the application may be awarded
/// (call closed, reviews done, allocations from the budget lines) is the caller's check.
/// </summary>
public sealed class GrantAwarding(GrantHubDbContext db)
{
    public async Task<Grant> AwardAsync(GrantAwardTerms terms, Guid awardedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == terms.CallId, cancellationToken)
            ?? throw new NotFoundException(nameof(Call), terms.CallId);
        var fund = await db.Funds.FirstOrDefaultAsync(f => f.Id == call.FundId, cancellationToken)
            ?? throw new NotFoundException(nameof(Fund), call.FundId);

        var grant = Grant.Award(
            GrantNumberCounter.Format(now, await NextNumberAsync(cancellationToken)),
            terms.ApplicationId,
            call.Id,
            fund.Id,
            terms.LeadOrganisationId,
            terms.Amount,
            terms.StartDate,
            terms.DurationMonths,
            terms.Allocations,
            terms.TranchePlan,
            awardedBy,
            now,
            terms.PayMembersDirectly,
            terms.FiscalHost);
        fund.Commit(grant.Amount);
        db.Grants.Add(grant);
        return grant;
    }

    private async Task<long> NextNumberAsync(CancellationToken cancellationToken)
    {
        var counter = db.GrantNumberCounters.Where(c => c.Id == GrantNumberCounter.SingletonId);
        await counter.ExecuteUpdateAsync(set => set.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), cancellationToken);
        return await counter.Select(c => c.LastNumber).SingleAsync(cancellationToken);
    }
}
