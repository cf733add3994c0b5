using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Calls;

public record CallResponse(
    Guid Id,
    Guid FundId,
    string Currency,
    string Title,
    string Description,
    IReadOnlyList<Pillar> Pillars,
    IReadOnlyList<string> EligibleCountries,
    decimal MinAmount,
    decimal MaxAmount,
    int MinDurationMonths,
    int MaxDurationMonths,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    ConsortiumRule Consortium,
    IReadOnlyList<RubricCriterionInput> Rubric,
    int MinReviewsPerApplication,
    CallStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ClosedAt) : IHasId
{
    public static CallResponse From(Call call, string currency) => new(
        call.Id,
        call.FundId,
        currency,
        call.Title,
        call.Description,
        call.Pillars,
        call.EligibleCountries,
        call.MinAmount.Amount,
        call.MaxAmount.Amount,
        call.MinDurationMonths,
        call.MaxDurationMonths,
        call.OpensAt,
        call.ClosesAt,
        new ConsortiumRule(call.ConsortiumRequired, call.MinPartners, call.MaxPartners),
        [.. call.Rubric.Select(r => new RubricCriterionInput(r.Criterion, r.Weight, r.MaxScore, r.Description))],
        call.MinReviewsPerApplication,
        call.Status,
        call.CreatedAt,
        call.PublishedAt,
        call.ClosedAt);
}

public static class CallResponses
{
    /// <summary>The response for a call just changed, with its fund's currency.</summary>
    public static async Task<CallResponse> CallResponseAsync(this GrantHubDbContext db, Call call, CancellationToken cancellationToken)
    {
        var currency = await db.Funds.Where(f => f.Id == call.FundId).Select(f => f.Currency).SingleAsync(cancellationToken);
        return CallResponse.From(call, currency);
    }
}
