using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Features.Reviews;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Calls;

public record GetCallRankingQuery(Guid Id) : IQuery<CallRankingResponse>;

/// <summary>
/// <c>score</c>: mean weighted score of the submitted reviews (0–100, two decimals), null without any.
/// <c>cumulativeRequested</c>: the requested totals of this and every higher-ranked application;
/// <c>fitsAvailable</c>: that running total is within what the fund still has available.
/// </summary>
public record RankedApplicationResponse(
    Guid ApplicationId,
    string Title,
    ApplicationStatus Status,
    decimal? Score,
    int ReviewCount,
    decimal RequestedTotal,
    decimal CumulativeRequested,
    bool FitsAvailable);

public record CallRankingResponse(Guid CallId, CallStatus CallStatus, string Currency, decimal Available, IReadOnlyList<RankedApplicationResponse> Items);

/// <summary>
/// The applications of a call still to be decided (Submitted or UnderReview), best first: by mean weighted score
/// (applications without a submitted review last), then by more submitted reviews, then by earlier submission, then
/// by id. Decided applications are left out: their money is already committed (awards) or not wanted (rejections),
/// so the running total is measured against what the fund has available now and shows where the money runs out for
/// the applications still open. Three queries, whatever the number of applications.
/// </summary>
public sealed class GetCallRankingHandler(GrantHubDbContext db, Viewer viewer) : IQueryHandler<GetCallRankingQuery, CallRankingResponse>
{
    public async ValueTask<CallRankingResponse> Handle(GetCallRankingQuery query, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking()
            .Where(c => c.Id == query.Id)
            .Join(db.Funds, c => c.FundId, f => f.Id, (c, f) => new { c.Id, c.Status, f.Currency, f.Budget, f.Committed })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(nameof(Call), query.Id);
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == call.Id && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview))
            .Select(a => new { a.Id, a.Title, a.Status, a.RequestedTotal, a.SubmittedAt })
            .ToListAsync(cancellationToken);
        var consortia = await db.Applications
            .Where(a => a.CallId == call.Id && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview))
            .SelectMany(a => a.Members.Where(m => m.Status != ConsortiumMemberStatus.Declined).Select(m => m.OrganisationId))
            .Distinct()
            .ToListAsync(cancellationToken);
        await viewer.EnsureNotRelatedPartyAsync(
            consortia, "You are a member of an organisation that applied to this call and cannot rank its applications.", cancellationToken);
        var reviews = await db.ReviewAssignments.AsNoTracking()
            .Where(r => r.CallId == call.Id && r.Status == ReviewStatus.Submitted)
            .GroupBy(r => r.ApplicationId)
            .Select(g => new { ApplicationId = g.Key, Count = g.Count(), Mean = g.Average(r => r.WeightedScore) })
            .ToDictionaryAsync(g => g.ApplicationId, cancellationToken);

        var ranked = applications
            .Select(a =>
            {
                var review = reviews.GetValueOrDefault(a.Id);
                return new { Application = a, Score = ReviewResponses.Rounded(review?.Mean), Count = review?.Count ?? 0 };
            })
            .OrderBy(r => r.Score is null)
            .ThenByDescending(r => r.Score)
            .ThenByDescending(r => r.Count)
            .ThenBy(r => r.Application.SubmittedAt)
            .ThenBy(r => r.Application.Id)
            .ToList();

        var available = call.Budget - call.Committed;
        var cumulative = Money.Zero(call.Currency);
        var items = new List<RankedApplicationResponse>(ranked.Count);
        foreach (var entry in ranked)
        {
            cumulative += entry.Application.RequestedTotal;
            items.Add(new RankedApplicationResponse(
                entry.Application.Id,
                entry.Application.Title,
                entry.Application.Status,
                entry.Score,
                entry.Count,
                entry.Application.RequestedTotal.Amount,
                cumulative.Amount,
                cumulative <= available));
        }

        return new CallRankingResponse(call.Id, call.Status, call.Currency, available.Amount, items);
    }
}
