using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Applications;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.Privacy;

public record ErasePersonalDataAfterRetentionCommand : ICommand<SweepResult>, ICommitsItsOwnSteps;

/// <summary>
/// Erases, once their retention period is over, the words written about and by the people GrantHub served: report
/// texts, reviews, feedback, justifications, reasons and comments of ended grants, of rejected or withdrawn
/// applications and of final emergency requests, and old notifications. Every amount, payment, approval (who and
/// when), status and date stays, so fund totals do not move; the audit trail holds no personal data and is not touched.
/// Each record is erased in its own short step and marked, so the sweep can run twice, or on two servers (the loser of a
/// race on one record finds it erased), and picks up where an interrupted run stopped. On SQLite the write-ahead log is
/// then checkpointed and truncated: with <c>secure_delete</c> on, the erased texts are in neither file afterwards.
/// </summary>
public sealed class ErasePersonalDataAfterRetentionHandler(GrantHubDbContext db, IOptions<RetentionOptions> options, TimeProvider clock)
    : ICommandHandler<ErasePersonalDataAfterRetentionCommand, SweepResult>
{
    public async ValueTask<SweepResult> Handle(ErasePersonalDataAfterRetentionCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.Period;

        var grantIds = await db.Grants
            .Where(g => g.PersonalDataErasedAt == null && g.EndedAt != null && g.EndedAt <= cutoff)
            .Select(g => g.Id)
            .ToListAsync(cancellationToken);
        var applicationIds = await db.Applications
            .Where(a => a.PersonalDataErasedAt == null
                && ((a.Status == ApplicationStatus.Rejected && a.DecidedAt <= cutoff) || (a.Status == ApplicationStatus.Withdrawn && a.WithdrawnAt <= cutoff)))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        var requestIds = await db.EmergencyRequests
            .Where(r => r.PersonalDataErasedAt == null
                && ((r.Status == EmergencyRequestStatus.Paid && r.PaymentRecordedAt <= cutoff)
                    || (r.Status == EmergencyRequestStatus.Rejected && r.DecidedAt <= cutoff)
                    || (r.Status == EmergencyRequestStatus.Cancelled && r.CancelledAt <= cutoff)
                    || (r.Status == EmergencyRequestStatus.Released && r.ReleasedAt <= cutoff)))
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);

        var erased = 0;
        foreach (var grantId in grantIds)
        {
            erased += await EraseOnceAsync(() => EraseGrantAsync(grantId, now, cancellationToken), cancellationToken);
        }

        foreach (var applicationId in applicationIds)
        {
            erased += await EraseOnceAsync(() => EraseApplicationAsync(applicationId, now, cancellationToken), cancellationToken);
        }

        foreach (var requestId in requestIds)
        {
            erased += await EraseOnceAsync(() => EraseEmergencyRequestAsync(requestId, now, cancellationToken), cancellationToken);
        }

        erased += await db.Notifications.Where(n => n.CreatedAt <= cutoff).ExecuteDeleteAsync(cancellationToken);

        if (erased > 0 && db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }

        return new SweepResult(erased, Found: grantIds.Count + applicationIds.Count + requestIds.Count);
    }

    /// <summary>One record's erasure, saved on its own; another server that erased it first makes this one a no-op.</summary>
    private async Task<int> EraseOnceAsync(Func<Task<bool>> erase, CancellationToken cancellationToken)
    {
        try
        {
            var changed = await erase();
            await db.SaveChangesAsync(cancellationToken);
            return changed ? 1 : 0;
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<bool> EraseGrantAsync(Guid grantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var grant = await db.Grants
            .Include(g => g.Reports)
            .Include(g => g.Tranches).ThenInclude(t => t.Approvals)
            .Include(g => g.Amendments)
            .AsSplitQuery()
            .SingleAsync(g => g.Id == grantId, cancellationToken);
        var erased = grant.ErasePersonalData(now);
        if (erased)
        {
            var reportFiles = grant.Reports.Where(r => r.FileId is not null).Select(r => r.FileId!.Value).ToList();
            await db.StoredFileContents.Where(c => reportFiles.Contains(c.FileId)).ExecuteDeleteAsync(cancellationToken);
        }

        await EraseApplicationAsync(grant.ApplicationId, now, cancellationToken);
        return erased;
    }

    private async Task<bool> EraseApplicationAsync(Guid applicationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var application = await db.Applications.SingleAsync(a => a.Id == applicationId, cancellationToken);
        if (!application.ErasePersonalData(now))
        {
            return false;
        }

        foreach (var review in await db.ReviewAssignments.Where(r => r.ApplicationId == applicationId).ToListAsync(cancellationToken))
        {
            review.EraseText();
        }

        var questions = await db.InformationRequests.Where(r => r.ApplicationId == applicationId).ToListAsync(cancellationToken);
        foreach (var question in questions)
        {
            question.EraseText();
        }

        var attachments = questions.Where(q => q.AttachmentFileId is not null).Select(q => q.AttachmentFileId!.Value).ToList();
        await db.StoredFileContents.Where(c => attachments.Contains(c.FileId)).ExecuteDeleteAsync(cancellationToken);
        return true;
    }

    private async Task<bool> EraseEmergencyRequestAsync(Guid requestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var request = await db.EmergencyRequests.Include(r => r.Approvals).SingleAsync(r => r.Id == requestId, cancellationToken);
        if (await db.EmergencyLightReports.FirstOrDefaultAsync(r => r.EmergencyRequestId == requestId, cancellationToken) is { } lightReport)
        {
            lightReport.EraseText();
        }

        return request.ErasePersonalData(now);
    }
}

public sealed class ErasePersonalDataAfterRetentionJob(IMediator mediator) : IRecurringJob
{
    public const string Id = "privacy:erase-after-retention";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new ErasePersonalDataAfterRetentionCommand(), cancellationToken);
}
