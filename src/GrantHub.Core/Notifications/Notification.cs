using GrantHub.Core.Common;

namespace GrantHub.Core.Notifications;

public enum EmailDelivery
{
    /// <summary>No SMTP server was configured when the notification was made: in-app only.</summary>
    NotRequired,
    Pending,
    Sent,

    /// <summary>The mail server refused this message every time it was tried: given up, still shown in-app.</summary>
    Failed,
}

/// <summary>
/// One message to one recipient about one event. <see cref="DeduplicationKey"/> is unique, so an event
/// noticed twice (a job run twice, two servers) yields one row and so one e-mail.
/// </summary>
public class Notification
{
    private Notification()
    {
    }

    public Notification(
        Guid recipientUserId,
        string kind,
        string subject,
        string body,
        string? link,
        string deduplicationKey,
        bool sendEmail,
        DateTimeOffset createdAt)
    {
        // Time-ordered, so a sweep's thousands of rows are appended to the primary key's index, not scattered through it.
        Id = Guid.CreateVersion7(createdAt);
        RecipientUserId = recipientUserId;
        Kind = kind;
        Subject = subject;
        Body = body;
        Link = link;
        DeduplicationKey = deduplicationKey;
        CreatedAt = createdAt;
        Email = sendEmail ? EmailDelivery.Pending : EmailDelivery.NotRequired;
        NextEmailAttemptAt = sendEmail ? createdAt : null;
    }

    public Guid Id { get; private set; }
    public Guid RecipientUserId { get; private set; }
    public string Kind { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string? Link { get; private set; }
    public string DeduplicationKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    public EmailDelivery Email { get; private set; }
    public int EmailAttempts { get; private set; }
    public string? EmailLastError { get; private set; }
    public DateTimeOffset? NextEmailAttemptAt { get; private set; }
    public DateTimeOffset? EmailSentAt { get; private set; }

    /// <summary>
    /// The dispatcher run that holds this notification's e-mail until <see cref="EmailClaimedUntil"/>. Claims are
    /// taken with one conditional UPDATE, so two servers never hold the same notification at once; the claim is
    /// also the concurrency token, so a run whose lease was taken over cannot record over the new holder.
    /// </summary>
    public Guid? EmailClaimedBy { get; private set; }

    public DateTimeOffset? EmailClaimedUntil { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    /// <summary>Takes a name out of what the notification says, writing <paramref name="replacement"/> in its place.</summary>
    public void Redact(string name, string replacement)
    {
        Subject = Subject.Replace(name, replacement, StringComparison.OrdinalIgnoreCase);
        Body = Body.Replace(name, replacement, StringComparison.OrdinalIgnoreCase);
    }

    public void RecordEmailSent(DateTimeOffset now)
    {
        EnsurePending();
        Email = EmailDelivery.Sent;
        EmailAttempts++;
        EmailSentAt = now;
        NextEmailAttemptAt = null;
        EmailLastError = null;
        ReleaseClaim();
    }

    public void RecordEmailFailure(string error, DateTimeOffset nextAttemptAt)
    {
        EnsurePending();
        EmailAttempts++;
        EmailLastError = Truncate(error);
        NextEmailAttemptAt = nextAttemptAt;
        ReleaseClaim();
    }

    /// <summary>The last attempt failed and no further attempt will be made; the notification stays in-app.</summary>
    public void RecordEmailUndeliverable(string error)
    {
        EnsurePending();
        Email = EmailDelivery.Failed;
        EmailAttempts++;
        EmailLastError = Truncate(error);
        NextEmailAttemptAt = null;
        ReleaseClaim();
    }

    private void EnsurePending()
    {
        if (Email != EmailDelivery.Pending)
        {
            throw new BusinessRuleException("notification-email-not-pending", $"The e-mail of notification {Id} is {Email}, not pending.");
        }
    }

    private void ReleaseClaim()
    {
        EmailClaimedBy = null;
        EmailClaimedUntil = null;
    }

    private static string Truncate(string error) => error.Length > 2000 ? error[..2000] : error;
}
