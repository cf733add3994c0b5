using FluentValidation;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

/// <summary>Requests submitted from <c>from</c> to <c>to</c> (UTC dates, inclusive), optionally on one fund.</summary>
public record GetEmergencyMetricsQuery(DateOnly? From = null, DateOnly? To = null, Guid? FundId = null) : IQuery<EmergencyMetricsResponse>;

public record EmergencyStatusCounts(int Submitted, int Approved, int Paid, int Rejected, int Cancelled, int Released);

/// <summary>
/// How the decision promise is kept. Decided means approved or rejected (a paid or released request was approved first);
/// open breaches are undecided requests past their promised decision time, now.
/// </summary>
public record EmergencyMetricsResponse(
    DateOnly? From,
    DateOnly? To,
    Guid? FundId,
    int Total,
    EmergencyStatusCounts CountsByStatus,
    int Decided,
    int DecidedWithinPromise,
    double? DecidedWithinPromiseShare,
    double? MedianHoursToDecision,
    int OpenBreaches,
    DateTimeOffset AsOf);

public sealed class GetEmergencyMetricsValidator : AbstractValidator<GetEmergencyMetricsQuery>
{
    public GetEmergencyMetricsValidator()
    {
        RuleFor(q => q.From).IsBusinessDate();
        RuleFor(q => q.To).IsBusinessDate();
        RuleFor(q => q.To)
            .GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must not be before 'from'.");
    }
}

public sealed class GetEmergencyMetricsHandler(GrantHubDbContext db, TimeProvider clock)
    : IQueryHandler<GetEmergencyMetricsQuery, EmergencyMetricsResponse>
{
    public async ValueTask<EmergencyMetricsResponse> Handle(GetEmergencyMetricsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? submittedFrom = query.From is { } from ? StartOfUtcDay(from) : null;
        DateTimeOffset? submittedBefore = query.To is { } to ? StartOfUtcDay(to.AddDays(1)) : null;
        var requests = db.EmergencyRequests.AsNoTracking()
            .Where(r => query.FundId == null || r.FundId == query.FundId)
            .Where(r => submittedFrom == null || r.SubmittedAt >= submittedFrom)
            .Where(r => submittedBefore == null || r.SubmittedAt < submittedBefore);
        var byStatus = await requests
            .GroupBy(r => r.Status)
            .Select(g => new
            {
                Status = g.Key,
                Count = g.Count(),
                PastDecisionDue = g.Count(r => r.DecisionDueAt <= now),
                DecidedWithinPromise = g.Count(r => r.DecidedAt != null && r.DecidedAt <= r.DecisionDueAt),
            })
            .ToDictionaryAsync(g => g.Status, cancellationToken);
        // Only the median needs the rows themselves; SQLite cannot subtract instants stored by the converter in SQL.
        var decisions = await requests
            .Where(r => r.DecidedAt != null)
            .Select(r => new { r.SubmittedAt, DecidedAt = r.DecidedAt!.Value })
            .ToListAsync(cancellationToken);

        int Count(EmergencyRequestStatus status) => byStatus.TryGetValue(status, out var group) ? group.Count : 0;
        var hoursToDecision = decisions.Select(r => (r.DecidedAt - r.SubmittedAt).TotalHours).Order().ToList();
        var withinPromise = byStatus.Values.Sum(g => g.DecidedWithinPromise);

        return new EmergencyMetricsResponse(
            query.From,
            query.To,
            query.FundId,
            byStatus.Values.Sum(g => g.Count),
            new EmergencyStatusCounts(
                Count(EmergencyRequestStatus.Submitted),
                Count(EmergencyRequestStatus.Approved),
                Count(EmergencyRequestStatus.Paid),
                Count(EmergencyRequestStatus.Rejected),
                Count(EmergencyRequestStatus.Cancelled),
                Count(EmergencyRequestStatus.Released)),
            decisions.Count,
            withinPromise,
            decisions.Count == 0 ? null : Math.Round((double)withinPromise / decisions.Count, 4),
            Median(hoursToDecision) is { } median ? Math.Round(median, 2) : null,
            byStatus.TryGetValue(EmergencyRequestStatus.Submitted, out var undecided) ? undecided.PastDecisionDue : 0,
            now);
    }

    private static DateTimeOffset StartOfUtcDay(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static double? Median(IReadOnlyList<double> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
    };
}
