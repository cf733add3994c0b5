using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Data;
using GrantHub.Core.Identity;
using GrantHub.Core.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.Notifications;

public record DispatchEmailsCommand : ICommand<SweepResult>, ICommitsItsOwnSteps;

/// <summary>
/// The e-mail outbox: sends pending notifications, oldest first, in batches over one SMTP connection each.
/// <para>
/// Exactly once across servers: a batch is first claimed with one conditional UPDATE (only rows still
/// pending, due and unclaimed or whose lease has run out), committed before anything is sent, so two runs
/// (two servers, or a run overlapping the next) never hold the same notification. Each result is recorded
/// right after its message, guarded by the claim. The honest limit of SMTP remains: if the process dies
/// after the server accepted a message and before its row says so, the message goes out again once the
/// lease expires (at least once, in that window only). Its Message-ID is stable, so mail systems can tell.
/// </para>
/// <para>
/// Failures: every attempt and the last error are recorded, and the next attempt waits 1, 2, 4 … minutes,
/// at most an hour. While the server is unreachable nothing is given up: it all goes out once it is back.
/// A message the server itself refuses (5xx to its recipient or content) is given up after
/// <see cref="SmtpOptions.MaxAttempts"/> attempts (<see cref="EmailDelivery.Failed"/>) and the Admins are told in-app.
/// </para>
/// </summary>
public sealed class DispatchEmailsHandler(
    GrantHubDbContext db,
    IEmailSender sender,
    Notifier notifier,
    IOptions<SmtpOptions> smtpOptions,
    IOptions<AppOptions> appOptions,
    TimeProvider clock,
    ILogger<DispatchEmailsHandler> logger)
    : ICommandHandler<DispatchEmailsCommand, SweepResult>
{
    public const string UndeliverableKind = "email-undeliverable";

    /// <summary>How long a claim holds; no send starts in its second half, which outlasts SMTP's own timeouts.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    private readonly SmtpOptions _smtp = smtpOptions.Value;

    public async ValueTask<SweepResult> Handle(DispatchEmailsCommand command, CancellationToken cancellationToken)
    {
        if (!_smtp.Enabled)
        {
            return new SweepResult(0);
        }

        var recorded = 0;
        while (true)
        {
            var claim = Guid.NewGuid();
            var (found, batch) = await ClaimBatchAsync(claim, cancellationToken);
            if (!found)
            {
                break;
            }

            try
            {
                if (batch.Count == 0)
                {
                    // Another server claimed these first; look for the next ones.
                    continue;
                }

                var outcome = await DeliverAsync(batch, cancellationToken);
                recorded += outcome.Recorded;
                if (outcome.StopRun)
                {
                    break;
                }
            }
            finally
            {
                if (batch.Any(n => n.EmailClaimedBy == claim))
                {
                    await ReleaseUnsentAsync(claim);
                }

                db.ChangeTracker.Clear();
            }
        }

        return new SweepResult(recorded);
    }

    /// <summary>1, 2, 4, 8 … minutes after the given number of failed attempts, at most an hour.</summary>
    public static TimeSpan Backoff(int failedAttempts) =>
        TimeSpan.FromMinutes(Math.Min(MaxBackoff.TotalMinutes, Math.Pow(2, Math.Max(0, failedAttempts - 1))));

    /// <summary>Whether anything was due, and the part of it this claim won.</summary>
    private async Task<(bool Found, List<Notification> Claimed)> ClaimBatchAsync(Guid claim, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidates = await Claimable(now)
            .OrderBy(n => n.CreatedAt)
            .ThenBy(n => n.Id)
            .Select(n => n.Id)
            .Take(_smtp.BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return (false, []);
        }

        // The condition is evaluated again on each row as it is updated: of two concurrent runs, one wins each row.
        var leaseUntil = now + Lease;
        await Claimable(now)
            .Where(n => candidates.Contains(n.Id))
            .ExecuteUpdateAsync(set => set
                .SetProperty(n => n.EmailClaimedBy, claim)
                .SetProperty(n => n.EmailClaimedUntil, leaseUntil), cancellationToken);

        var claimed = await db.Notifications
            .Where(n => candidates.Contains(n.Id) && n.EmailClaimedBy == claim)
            .OrderBy(n => n.CreatedAt)
            .ThenBy(n => n.Id)
            .ToListAsync(cancellationToken);
        return (true, claimed);
    }

    private IQueryable<Notification> Claimable(DateTimeOffset now) => db.Notifications.Where(n =>
        n.Email == EmailDelivery.Pending
        && n.NextEmailAttemptAt <= now
        && (n.EmailClaimedUntil == null || n.EmailClaimedUntil < now));

    private async Task<BatchOutcome> DeliverAsync(List<Notification> batch, CancellationToken cancellationToken)
    {
        var context = await EmailContextAsync(cancellationToken);
        var recipientIds = batch.Select(n => n.RecipientUserId).Distinct().ToList();
        var recipients = await db.Users
            .Where(u => recipientIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture })
            .ToDictionaryAsync(u => u.Id, cancellationToken);

        IEmailConnection connection;
        try
        {
            connection = await sender.ConnectAsync(cancellationToken);
        }
        catch (Exception unreachable) when (unreachable is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = Describe(unreachable);
            logger.LogWarning("The mail server cannot be reached; {Count} e-mails wait for the next attempt: {Error}", batch.Count, error);
            foreach (var notification in batch)
            {
                RecordFailure(notification, error, permanent: false);
            }

            return new BatchOutcome(await SaveRecordsAsync(batch), StopRun: true);
        }

        var undeliverable = new List<Notification>();
        var recorded = 0;
        var stopRun = false;
        await using (connection)
        {
            foreach (var notification in batch)
            {
                if (clock.GetUtcNow() > notification.EmailClaimedUntil - (Lease / 2))
                {
                    stopRun = true;
                    break;
                }

                recipients.TryGetValue(notification.RecipientUserId, out var recipient);
                if (string.IsNullOrWhiteSpace(recipient?.Email))
                {
                    RecordFailure(notification, "The recipient has no e-mail address.", permanent: true);
                }
                else
                {
                    try
                    {
                        await connection.SendAsync(
                            NotificationEmail.Compose(notification, new NotificationEmail.Recipient(recipient.Email, recipient.DisplayName, NotificationTexts.LanguageOf(recipient.PreferredCulture)), context),
                            cancellationToken);
                        notification.RecordEmailSent(clock.GetUtcNow());
                    }
                    catch (EmailRejectedException rejected)
                    {
                        RecordFailure(notification, rejected.Message, permanent: true);
                    }
                    catch (Exception failed) when (failed is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        RecordFailure(notification, Describe(failed), permanent: false);
                    }
                }

                if (notification.Email != EmailDelivery.Sent)
                {
                    logger.LogWarning(
                        "E-mail of notification {NotificationId} ({Kind}) failed at attempt {Attempts}; {Outcome}: {Error}",
                        notification.Id,
                        notification.Kind,
                        notification.EmailAttempts,
                        notification.Email == EmailDelivery.Failed ? "given up" : $"next attempt at {notification.NextEmailAttemptAt:u}",
                        notification.EmailLastError);
                }

                if (notification.Email == EmailDelivery.Failed)
                {
                    undeliverable.Add(notification);
                }

                recorded += await SaveRecordsAsync([notification]);
            }
        }

        await TellAdminsAsync(undeliverable, cancellationToken);
        return new BatchOutcome(recorded, stopRun);
    }

    private void RecordFailure(Notification notification, string error, bool permanent)
    {
        var attempts = notification.EmailAttempts + 1;
        if (permanent && attempts >= _smtp.MaxAttempts)
        {
            notification.RecordEmailUndeliverable(error);
        }
        else
        {
            notification.RecordEmailFailure(error, clock.GetUtcNow() + Backoff(attempts));
        }
    }

    /// <summary>Writes the recorded results; a row whose claim another run took over (lease expired) is left to that run.</summary>
    private async Task<int> SaveRecordsAsync(IReadOnlyCollection<Notification> notifications)
    {
        var lost = 0;
        while (true)
        {
            try
            {
                // Not cancellable: a message the server accepted must be recorded as sent.
                await db.SaveChangesAsync(CancellationToken.None);
                return notifications.Count - lost;
            }
            catch (DbUpdateConcurrencyException conflict)
            {
                foreach (var entry in conflict.Entries)
                {
                    logger.LogWarning(
                        "The claim on notification {NotificationId} expired before its result was recorded; the run that took it over records it",
                        entry.Property(nameof(Notification.Id)).CurrentValue);
                    entry.State = EntityState.Detached;
                    lost++;
                }
            }
        }
    }

    /// <summary>Gives back what this claim did not get to send, so the next run need not wait for the lease.</summary>
    private async Task ReleaseUnsentAsync(Guid claim) =>
        await db.Notifications
            .Where(n => n.EmailClaimedBy == claim)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(n => n.EmailClaimedBy, (Guid?)null)
                    .SetProperty(n => n.EmailClaimedUntil, (DateTimeOffset?)null),
                CancellationToken.None);

    private async Task TellAdminsAsync(List<Notification> undeliverable, CancellationToken cancellationToken)
    {
        undeliverable.RemoveAll(n => n.Kind == UndeliverableKind);
        if (undeliverable.Count == 0)
        {
            return;
        }

        var admins = await db.UserRoles
            .Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin))
            .Select(ur => ur.UserId)
            .ToListAsync(cancellationToken);
        await notifier.NotifyManyAsync(
            from notification in undeliverable
            from admin in admins
            select new OutgoingNotification(
                admin,
                new NotificationMessage(
                    UndeliverableKind,
                    new NotificationText("email-undeliverable.Subject"),
                    new NotificationText(
                        "email-undeliverable.Body", notification.Id, notification.Kind, notification.RecipientUserId, notification.EmailAttempts, notification.EmailLastError),
                    Link: null),
                $"{UndeliverableKind}:{notification.Id:N}"),
            cancellationToken);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task<NotificationEmail.EmailContext> EmailContextAsync(CancellationToken cancellationToken)
    {
        var sensitiveNames = await db.Organisations.Where(o => o.Sensitive).Select(o => o.Name).ToListAsync(cancellationToken);
        return new NotificationEmail.EmailContext(appOptions.Value.PublicBaseUrl, _smtp.From!, sensitiveNames, await HiddenOrganisationsAsync(cancellationToken));
    }

    private async Task<NotificationEmail.HiddenOrganisations> HiddenOrganisationsAsync(CancellationToken cancellationToken)
    {
        var hidden = await db.Organisations.AsNoTracking().Where(o => o.Hidden)
            .Select(o => new { o.Id, o.Name, o.RegistrationNumber, o.Alias })
            .ToListAsync(cancellationToken);
        if (hidden.Count == 0)
        {
            return NotificationEmail.HiddenOrganisations.None;
        }

        var ids = hidden.Select(o => o.Id).ToList();
        var applications = await db.Applications.Where(a => a.Members.Any(m => ids.Contains(m.OrganisationId))).Select(a => a.Id).ToListAsync(cancellationToken);
        var grants = await db.Grants.Where(g => ids.Contains(g.LeadOrganisationId) || g.Allocations.Any(a => ids.Contains(a.OrganisationId)))
            .Select(g => g.Id).ToListAsync(cancellationToken);
        var requests = await db.EmergencyRequests.Where(r => ids.Contains(r.OrganisationId)).Select(r => r.Id).ToListAsync(cancellationToken);
        var members = await db.OrganisationMembers.Where(m => ids.Contains(m.OrganisationId)).Select(m => m.UserId).ToListAsync(cancellationToken);
        return new NotificationEmail.HiddenOrganisations(
            [
                .. ids.Select(id => $"/organisations/{id}"),
                .. applications.Select(id => $"/applications/{id}"),
                .. grants.Select(id => $"/grants/{id}"),
                .. requests.Select(id => $"/emergency/{id}"),
            ],
            [.. hidden.SelectMany(o => new[] { o.Name, o.RegistrationNumber, o.Alias }).OfType<string>()],
            members.ToHashSet());
    }

    private static string Describe(Exception exception) =>
        exception.InnerException is null || exception.Message.Contains(exception.InnerException.Message, StringComparison.Ordinal)
            ? $"{exception.GetType().Name}: {exception.Message}"
            : $"{exception.GetType().Name}: {exception.Message} ({exception.InnerException.Message})";

    private sealed record BatchOutcome(int Recorded, bool StopRun);
}

public sealed class DispatchEmailsJob(IMediator mediator) : IRecurringJob
{
    public const string Id = "notifications:dispatch-email";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new DispatchEmailsCommand(), cancellationToken);
}
