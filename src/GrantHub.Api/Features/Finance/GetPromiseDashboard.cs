using System.Globalization;
using FluentValidation;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.Finance;

/// <summary>Emergency requests submitted from <c>from</c> to <c>to</c> (UTC dates, inclusive), grouped by month and by fund.</summary>
public record GetPromiseDashboardQuery(DateOnly? From, DateOnly? To) : IQuery<PromiseDashboardResponse>;

/// <summary>
/// How the decision promise was kept in one group: requests submitted, decided (approved or rejected), decision time in
/// hours (median and 90th percentile, nearest rank), breaches (decided after the promise, or undecided past it) and escalations.
/// </summary>
public record PromiseFigures(string Key, string Label, int Submitted, int Decided, double? MedianHours, double? Percentile90Hours, int Breaches, int Escalations);

public record PromiseDashboardResponse(DateOnly From, DateOnly To, int PromiseHours, IReadOnlyList<PromiseFigures> ByMonth, IReadOnlyList<PromiseFigures> ByFund, DateTimeOffset AsOf);

public sealed class GetPromiseDashboardValidator : AbstractValidator<GetPromiseDashboardQuery>
{
    public GetPromiseDashboardValidator()
    {
        RuleFor(q => q.From).NotNull().IsBusinessDate();
        RuleFor(q => q.To).NotNull().IsBusinessDate();
        RuleFor(q => q.To)
            .GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must not be before 'from'.");
    }
}

/// <summary>The 72-hour promise month by month (every month of the period, empty ones included) and fund by fund.</summary>
public sealed class GetPromiseDashboardHandler(GrantHubDbContext db, TimeProvider clock, IOptions<EmergencyOptions> options)
    : IQueryHandler<GetPromiseDashboardQuery, PromiseDashboardResponse>
{
    public async ValueTask<PromiseDashboardResponse> Handle(GetPromiseDashboardQuery query, CancellationToken cancellationToken)
    {
        var from = query.From!.Value;
        var to = query.To!.Value;
        var now = clock.GetUtcNow();
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // The rows themselves: SQLite cannot subtract the instants as the converter stores them.
        var requests = await db.EmergencyRequests.AsNoTracking()
            .Where(r => r.SubmittedAt >= start && r.SubmittedAt < end)
            .Select(r => new Request(r.FundId, r.SubmittedAt, r.DecisionDueAt, r.DecidedAt, r.BreachedAt, r.EscalatedAt, r.Status))
            .ToListAsync(cancellationToken);
        var funds = await db.Funds.AsNoTracking().Where(f => f.Kind == GrantHub.Core.Funds.FundKind.RapidResponse)
            .Select(f => new { f.Id, f.Name }).ToListAsync(cancellationToken);

        var months = new List<PromiseFigures>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var key = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            months.Add(Figures(key, key, requests.Where(r => r.SubmittedAt.Year == month.Year && r.SubmittedAt.Month == month.Month).ToList(), now));
        }

        var byFund = funds.Select(f => Figures(f.Id.ToString(), f.Name, requests.Where(r => r.FundId == f.Id).ToList(), now))
            .Where(f => f.Submitted > 0)
            .OrderBy(f => f.Label, StringComparer.Ordinal)
            .ToList();
        return new PromiseDashboardResponse(from, to, options.Value.DecisionPromiseHours, months, byFund, now);
    }

    private static PromiseFigures Figures(string key, string label, IReadOnlyList<Request> requests, DateTimeOffset now)
    {
        var hours = requests.Where(r => r.DecidedAt is not null).Select(r => (r.DecidedAt!.Value - r.SubmittedAt).TotalHours).Order().ToList();
        return new PromiseFigures(
            key,
            label,
            requests.Count,
            hours.Count,
            Percentile(hours, 0.5),
            Percentile(hours, 0.9),
            requests.Count(r => r.BreachedAt is not null || (r.DecidedAt is { } decided ? decided > r.DecisionDueAt : r.Status == EmergencyRequestStatus.Submitted && now > r.DecisionDueAt)),
            requests.Count(r => r.EscalatedAt is not null));
    }

    /// <summary>Nearest-rank percentile, rounded to a tenth of an hour; null without decisions.</summary>
    private static double? Percentile(IReadOnlyList<double> sorted, double share) =>
        sorted.Count == 0 ? null : Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)], 1);

    private sealed record Request(
        Guid FundId,
        DateTimeOffset SubmittedAt,
        DateTimeOffset DecisionDueAt,
        DateTimeOffset? DecidedAt,
        DateTimeOffset? BreachedAt,
        DateTimeOffset? EscalatedAt,
        EmergencyRequestStatus Status);
}
