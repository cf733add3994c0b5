using GrantHub.Core.Data;
using GrantHub.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure;

/// <summary>What a notification says; the link is a relative API path to the object concerned.</summary>
public record NotificationMessage(string Kind, string Subject, string Body, string? Link);

/// <summary>
/// Adds notifications to the current unit of work, one per recipient per event. The event key names the
/// event (e.g. <c>partner-invited:{applicationId}:{organisationId}</c>); recipients who already have a
/// notification for it get no second one. E-mail goes out later through the outbox when SMTP is configured.
/// </summary>
public sealed class Notifier(GrantHubDbContext db, TimeProvider clock, IConfiguration configuration)
{
    public bool EmailEnabled => !string.IsNullOrWhiteSpace(configuration["Smtp:Host"]);

    public async Task NotifyAsync(IEnumerable<Guid> recipients, NotificationMessage message, string eventKey, CancellationToken cancellationToken)
    {
        var keys = recipients.Distinct().ToDictionary(id => id, id => DeduplicationKey(eventKey, id));
        if (keys.Count == 0)
        {
            return;
        }

        var keyValues = keys.Values.ToList();
        var existing = await db.Notifications
            .Where(n => keyValues.Contains(n.DeduplicationKey))
            .Select(n => n.DeduplicationKey)
            .ToListAsync(cancellationToken);
        var pending = db.Notifications.Local.Select(n => n.DeduplicationKey);
        var alreadyNotified = existing.Concat(pending).ToHashSet(StringComparer.Ordinal);

        var now = clock.GetUtcNow();
        foreach (var (recipient, key) in keys.Where(pair => !alreadyNotified.Contains(pair.Value)))
        {
            db.Notifications.Add(new Notification(recipient, message.Kind, message.Subject, message.Body, message.Link, key, EmailEnabled, now));
        }
    }

    public static string DeduplicationKey(string eventKey, Guid recipient) => $"{eventKey}:{recipient:N}";
}
