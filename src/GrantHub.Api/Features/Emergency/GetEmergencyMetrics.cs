using FluentValidation;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

/// <summary>Requests submitted from <c>from</c> to <c>to</c> (UTC dates, inclusive), optionally on one fund.</summary>
public record GetEmergencyMetricsQuery(DateOnly? From = null, DateOnly? To = null, Guid? FundId = null) : IQuery<EmergencyMetricsResponse>;

public record EmergencyStatusCounts(int Submitted, int Approved, int Paid, int Rejected, int Cancelled);

/// <summary>
/// How the decision promise is kept. Decided means approved or rejected (a paid request was approved first);
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
    public GetEmergencyMetricsValidator() =>
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must not be before 'from'.");
}

public sealed class GetEmergencyMetricsHandler(GrantHubDbContext db, TimeProvider clock)
    : IQueryHandler<GetEmergencyMetricsQuery, EmergencyMetricsResponse>
{
    public async ValueTask<EmergencyMetricsResponse> Handle(GetEmergencyMetricsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? submittedFrom = query.From is { } from ? StartOfUtcDay(from) : null;
        DateTimeOffset? submittedBefore = query.To is { } to ? StartOfUtcDay(to.AddDays(1)) : null;
        var requests = await db.EmergencyRequests.AsNoTracking()
            .Where(r => query.FundId == null || r.FundId == query.FundId)
            .Where(r => submittedFrom == null || r.SubmittedAt >= submittedFrom)
            .Where(r => submittedBefore == null || r.SubmittedAt < submittedBefore)
            .Select(r => new { r.Status, r.SubmittedAt, r.DecidedAt, r.DecisionDueAt })
            .ToListAsync(cancellationToken);

        int Count(EmergencyRequestStatus status) => requests.Count(r => r.Status == status);
        var decided = requests.Where(r => r.DecidedAt is not null).ToList();
        var hoursToDecision = decided.Select(r => (r.DecidedAt!.Value - r.SubmittedAt).TotalHours).Order().ToList();
        var withinPromise = decided.Count(r => r.DecidedAt <= r.DecisionDueAt);

        return new EmergencyMetricsResponse(
            query.From,
            query.To,
            query.FundId,
            requests.Count,
            new EmergencyStatusCounts(
                Count(EmergencyRequestStatus.Submitted),
                Count(EmergencyRequestStatus.Approved),
                Count(EmergencyRequestStatus.Paid),
                Count(EmergencyRequestStatus.Rejected),
                Count(EmergencyRequestStatus.Cancelled)),
            decided.Count,
            withinPromise,
            decided.Count == 0 ? null : Math.Round((double)withinPromise / decided.Count, 4),
            Median(hoursToDecision) is { } median ? Math.Round(median, 2) : null,
            requests.Count(r => r.Status == EmergencyRequestStatus.Submitted && r.DecisionDueAt <= now),
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
