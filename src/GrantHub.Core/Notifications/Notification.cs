namespace GrantHub.Core.Notifications;

public enum EmailDelivery
{
    /// <summary>No SMTP server was configured when the notification was made: in-app only.</summary>
    NotRequired,
    Pending,
    Sent,
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
        Id = Guid.NewGuid();
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

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    public void RecordEmailSent(DateTimeOffset now)
    {
        Email = EmailDelivery.Sent;
        EmailAttempts++;
        EmailSentAt = now;
        NextEmailAttemptAt = null;
        EmailLastError = null;
    }

    public void RecordEmailFailure(string error, DateTimeOffset nextAttemptAt)
    {
        EmailAttempts++;
        EmailLastError = error.Length > 2000 ? error[..2000] : error;
        NextEmailAttemptAt = nextAttemptAt;
    }
}
