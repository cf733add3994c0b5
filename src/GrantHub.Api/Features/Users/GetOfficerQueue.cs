using FluentValidation;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using GrantHub.Core.Grants;
using GrantHub.Core.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Users;

public enum OfficerQueueKind
{
    AssignReviewers,
    Decide,
    ReviewOverdue,
    ReadReport,
    AgreementUnsigned,
    CallClosingSoon,
    EmergencyEntered,
}

/// <summary><c>PerKind</c>: how many of each kind's oldest to list, at most <see cref="GetOfficerQueueHandler.MaxPerKind"/>.</summary>
public record GetOfficerQueueQuery(int PerKind = GetOfficerQueueHandler.MaxPerKind) : IQuery<OfficerQueueResponse>;

public sealed class GetOfficerQueueValidator : AbstractValidator<GetOfficerQueueQuery>
{
    public GetOfficerQueueValidator() => RuleFor(q => q.PerKind).InclusiveBetween(1, GetOfficerQueueHandler.MaxPerKind);
}

/// <summary>
/// One thing waiting for an officer. <c>since</c> is how long it has waited (submission, closing of the call, due date
/// of the review, submission of the report, award), or for a call closing soon its closing time; <c>link</c> is the
/// page where it is done.
/// </summary>
public record OfficerQueueItem(OfficerQueueKind Kind, DateTimeOffset Since, string Title, Guid ObjectId, string Link);

/// <summary><c>moreWaiting</c>: the kinds of which more wait than are listed.</summary>
public record OfficerQueueResponse(IReadOnlyList<OfficerQueueItem> Items, IReadOnlyList<OfficerQueueKind> MoreWaiting);

/// <summary>
/// What waits for the programme officers, oldest first: submitted applications nobody reviews yet, undecided
/// applications of closed calls, overdue reviews, submitted reports, agreements not signed, Open calls closing
/// within <see cref="ClosingSoonDays"/> days, and the emergency requests this officer entered for an organisation
/// that still wait for a decision or a payment (named by amount, never by organisation). Each kind shows its oldest
/// <see cref="GetOfficerQueueQuery.PerKind"/>, and the response says which kinds have more.
/// </summary>
public sealed class GetOfficerQueueHandler(GrantHubDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetOfficerQueueQuery, OfficerQueueResponse>
{
    public const int ClosingSoonDays = 7;
    public const int MaxPerKind = 50;

    public async ValueTask<OfficerQueueResponse> Handle(GetOfficerQueueQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var items = new List<OfficerQueueItem>();
        var moreWaiting = new List<OfficerQueueKind>();
        // One more than listed is read of each kind, to know whether more wait.
        var read = query.PerKind + 1;
        void Add(OfficerQueueKind kind, IReadOnlyCollection<OfficerQueueItem> oldest)
        {
            items.AddRange(oldest.Take(query.PerKind));
            if (oldest.Count > query.PerKind)
            {
                moreWaiting.Add(kind);
            }
        }

        Add(OfficerQueueKind.AssignReviewers, [.. (await OldestQueries.SubmittedWithoutReviewer(db, read).ToListAsync(cancellationToken))
            .Select(a => new OfficerQueueItem(OfficerQueueKind.AssignReviewers, a.Since, a.Title, a.Id, $"/applications/{a.Id}/assessment"))]);

        Add(OfficerQueueKind.Decide, await UndecidedApplicationsOfClosedCallsAsync(now, read, cancellationToken));

        Add(OfficerQueueKind.ReviewOverdue, [.. (await OldestQueries.OverdueReviews(db, now, read).ToListAsync(cancellationToken))
            .Select(r => new OfficerQueueItem(OfficerQueueKind.ReviewOverdue, r.Since, r.Title, r.Id, $"/applications/{r.Id}/assessment"))]);

        // Two queries: SQLite cannot run a report query that also reads its grant's columns (SQL APPLY).
        var reports = await OldestQueries.SubmittedReports(db, read).ToListAsync(cancellationToken);
        var reportGrantIds = reports.Select(r => r.GrantId).Distinct().ToList();
        var grantNumbers = reportGrantIds.Count == 0
            ? []
            : (await OldestQueries.GrantNumbers(db, reportGrantIds).ToListAsync(cancellationToken)).ToDictionary(g => g.Id, g => g.Number);
        Add(OfficerQueueKind.ReadReport, [.. reports.Select(r => new OfficerQueueItem(OfficerQueueKind.ReadReport, r.SubmittedAt ?? now, grantNumbers[r.GrantId], r.GrantId, $"/grants/{r.GrantId}"))]);

        Add(OfficerQueueKind.AgreementUnsigned, [.. (await OldestQueries.AwaitingSignature(db, read).ToListAsync(cancellationToken))
            .Select(g => new OfficerQueueItem(OfficerQueueKind.AgreementUnsigned, g.Since, g.Title, g.Id, $"/grants/{g.Id}"))]);

        Add(OfficerQueueKind.CallClosingSoon, [.. (await OldestQueries.ClosingBy(db, now.AddDays(ClosingSoonDays), read).ToListAsync(cancellationToken))
            .Select(c => new OfficerQueueItem(OfficerQueueKind.CallClosingSoon, c.Since, c.Title, c.Id, $"/calls/{c.Id}"))]);

        Add(OfficerQueueKind.EmergencyEntered, [.. (await OldestQueries.EmergenciesEnteredBy(db, user.RequiredId(), read).ToListAsync(cancellationToken))
            .Select(r => new OfficerQueueItem(OfficerQueueKind.EmergencyEntered, r.SubmittedAt, new Money(r.MinorUnits, r.Currency).ToString(), r.Id, $"/emergency/{r.Id}"))]);

        // Each query above reads only its kind's oldest rows, so the page costs the same whatever the portfolio.
        return new OfficerQueueResponse([.. items.OrderBy(i => i.Since).ThenBy(i => i.Kind).ThenBy(i => i.ObjectId)], moreWaiting);
    }

    /// <summary>
    /// Call by call, longest closed first, until <paramref name="wanted"/> are found. One query joining calls and
    /// applications made SQLite read every submitted application of every closed call and sort them all (180 ms at
    /// 100,000 applications); a call's applications are found through their (CallId, Status) index instead.
    /// </summary>
    private async Task<List<OfficerQueueItem>> UndecidedApplicationsOfClosedCallsAsync(DateTimeOffset now, int wanted, CancellationToken cancellationToken)
    {
        var closedCalls = await OldestQueries.ClosedCalls(db).ToListAsync(cancellationToken);
        var items = new List<OfficerQueueItem>();
        foreach (var call in closedCalls)
        {
            if (items.Count == wanted)
            {
                break;
            }

            items.AddRange((await OldestQueries.UndecidedApplicationsOf(db, call.Id, wanted - items.Count).ToListAsync(cancellationToken))
                .Select(a => new OfficerQueueItem(OfficerQueueKind.Decide, call.ClosedAt ?? now, a.Title, a.Id, $"/applications/{a.Id}/decision")));
        }

        return items;
    }

    private sealed record Oldest(Guid Id, string Title, DateTimeOffset Since);

    private sealed record UndecidedApplication(Guid Id, string Title);

    private sealed record SubmittedReport(Guid GrantId, DateTimeOffset? SubmittedAt);

    private sealed record GrantNumber(Guid Id, string Number);

    private sealed record ClosedCall(Guid Id, DateTimeOffset? ClosedAt);

    private sealed record EnteredEmergency(Guid Id, long MinorUnits, string Currency, DateTimeOffset SubmittedAt);

    /// <summary>
    /// The queue's queries, compiled once. The home page sends them on every visit, and EF's building and looking up of
    /// a query from its expression cost a third of their processor time, more than SQLite spent running them.
    /// </summary>
    private static class OldestQueries
    {
        public static readonly Func<GrantHubDbContext, int, IAsyncEnumerable<Oldest>> SubmittedWithoutReviewer = EF.CompileAsyncQuery(
            (GrantHubDbContext db, int read) => db.Applications.AsNoTracking()
                .Where(a => a.Status == ApplicationStatus.Submitted && !db.ReviewAssignments.Any(r => r.ApplicationId == a.Id && r.Status != ReviewStatus.Recused))
                .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).Take(read)
                .Select(a => new Oldest(a.Id, a.Title, a.SubmittedAt!.Value)));

        public static readonly Func<GrantHubDbContext, IAsyncEnumerable<ClosedCall>> ClosedCalls = EF.CompileAsyncQuery(
            (GrantHubDbContext db) => db.Calls.AsNoTracking()
                .Where(c => c.Status == CallStatus.Closed)
                .OrderBy(c => c.ClosedAt).ThenBy(c => c.Id)
                .Select(c => new ClosedCall(c.Id, c.ClosedAt)));

        public static readonly Func<GrantHubDbContext, Guid, int, IAsyncEnumerable<UndecidedApplication>> UndecidedApplicationsOf = EF.CompileAsyncQuery(
            (GrantHubDbContext db, Guid callId, int read) => db.Applications.AsNoTracking()
                .Where(a => a.CallId == callId && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview))
                .OrderBy(a => a.Id).Take(read)
                .Select(a => new UndecidedApplication(a.Id, a.Title)));

        public static readonly Func<GrantHubDbContext, DateTimeOffset, int, IAsyncEnumerable<Oldest>> OverdueReviews = EF.CompileAsyncQuery(
            (GrantHubDbContext db, DateTimeOffset now, int read) => db.ReviewAssignments.AsNoTracking()
                .Where(r => (r.Status == ReviewStatus.Assigned || r.Status == ReviewStatus.InProgress) && r.DueAt < now)
                .Join(db.Applications, r => r.ApplicationId, a => a.Id, (r, a) => new { a.Id, a.Title, r.DueAt })
                .OrderBy(r => r.DueAt).ThenBy(r => r.Id).Take(read)
                .Select(r => new Oldest(r.Id, r.Title, r.DueAt)));

        public static readonly Func<GrantHubDbContext, int, IAsyncEnumerable<SubmittedReport>> SubmittedReports = EF.CompileAsyncQuery(
            (GrantHubDbContext db, int read) => db.Grants.AsNoTracking()
                .SelectMany(g => g.Reports)
                .Where(r => r.Status == ReportStatus.Submitted)
                .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Take(read)
                .Select(r => new SubmittedReport(r.GrantId, r.SubmittedAt)));

        public static readonly Func<GrantHubDbContext, List<Guid>, IAsyncEnumerable<GrantNumber>> GrantNumbers = EF.CompileAsyncQuery(
            (GrantHubDbContext db, List<Guid> ids) => db.Grants.AsNoTracking()
                .Where(g => ids.Contains(g.Id))
                .Select(g => new GrantNumber(g.Id, g.GrantNumber)));

        public static readonly Func<GrantHubDbContext, int, IAsyncEnumerable<Oldest>> AwaitingSignature = EF.CompileAsyncQuery(
            (GrantHubDbContext db, int read) => db.Grants.AsNoTracking()
                .Where(g => g.Status == GrantStatus.AwaitingSignature)
                .OrderBy(g => g.AwardedAt).ThenBy(g => g.Id).Take(read)
                .Select(g => new Oldest(g.Id, g.GrantNumber, g.AwardedAt)));

        public static readonly Func<GrantHubDbContext, DateTimeOffset, int, IAsyncEnumerable<Oldest>> ClosingBy = EF.CompileAsyncQuery(
            (GrantHubDbContext db, DateTimeOffset horizon, int read) => db.Calls.AsNoTracking()
                .Where(c => c.Status == CallStatus.Open && c.ClosesAt <= horizon)
                .OrderBy(c => c.ClosesAt).ThenBy(c => c.Id).Take(read)
                .Select(c => new Oldest(c.Id, c.Title, c.ClosesAt)));

        // The amount as its two columns: a Money passed to a record's constructor would make EF read the whole request.
        public static readonly Func<GrantHubDbContext, Guid, int, IAsyncEnumerable<EnteredEmergency>> EmergenciesEnteredBy = EF.CompileAsyncQuery(
            (GrantHubDbContext db, Guid me, int read) => db.EmergencyRequests.AsNoTracking()
                .Where(r => r.EnteredBy == me && (r.Status == EmergencyRequestStatus.Submitted || r.Status == EmergencyRequestStatus.Approved))
                .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Take(read)
                .Select(r => new EnteredEmergency(r.Id, r.Amount.MinorUnits, r.Amount.Currency, r.SubmittedAt)));
    }
}
