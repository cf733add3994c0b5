using System.Globalization;
using System.Runtime.CompilerServices;
using GrantHub.Api.Infrastructure.Database;
using GrantHub.Core.Data;
using GrantHub.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Infrastructure.Email;

/// <summary>
/// What a notification says, as texts of the catalogue that each recipient reads in her own language; the link is the
/// relative path of the web page of the object concerned.
/// </summary>
public record NotificationMessage(string Kind, NotificationText Subject, NotificationText Body, string? Link);

/// <summary>One notification to make: to whom, what it says, and the event it is about.</summary>
public record OutgoingNotification(Guid RecipientUserId, NotificationMessage Message, string EventKey);

/// <summary>
/// Writes notifications in the current unit of work's transaction, one per recipient per event. The event key names the
/// event (e.g. <c>partner-invited:{applicationId}:{organisationId}</c>); recipients who already have a
/// notification for it get no second one. E-mail goes out later through the outbox when SMTP is configured.
/// Each recipient's notification is written in her preferred language (<see cref="NotificationTexts.LanguageOf"/>).
/// Subjects must never name a sensitive organisation (they show on lock screens and in mail logs).
/// </summary>
public sealed class Notifier(GrantHubDbContext db, TimeProvider clock, IOptions<SmtpOptions> smtp)
{
    private const int MaxDeduplicationKeyLength = 300;

    public bool EmailEnabled => smtp.Value.Enabled;

    public Task NotifyAsync(IEnumerable<Guid> recipients, NotificationMessage message, string eventKey, CancellationToken cancellationToken) =>
        NotifyManyAsync(recipients.Select(recipient => new OutgoingNotification(recipient, message, eventKey)), cancellationToken);

    /// <summary>
    /// Set-based: first reads which of the keys are already taken (one query), so a sweep that finds its reminders
    /// already made (every hourly run after the first) renders and writes nothing; then writes the rest at once, with
    /// multi-row INSERTs that still skip every key taken meanwhile (<see cref="NotificationInsert"/>), in the current
    /// transaction. Returns how many notifications were added. Two servers running the same sweep at once add each
    /// notification once: the database decides, under the unique index on the key.
    /// </summary>
    public async Task<int> NotifyManyAsync(IEnumerable<OutgoingNotification> notifications, CancellationToken cancellationToken)
    {
        var alreadyTracked = db.Notifications.Local.Select(n => n.DeduplicationKey).ToHashSet(StringComparer.Ordinal);
        var byKey = new Dictionary<string, OutgoingNotification>(StringComparer.Ordinal);
        foreach (var notification in notifications)
        {
            var key = DeduplicationKey(notification.EventKey, notification.RecipientUserId);
            if (!alreadyTracked.Contains(key))
            {
                byKey.TryAdd(key, notification);
            }
        }

        if (byKey.Count == 0)
        {
            return 0;
        }

        var candidateKeys = byKey.Keys.ToList();
        var takenKeys = await db.Notifications.AsNoTracking()
            .Where(n => candidateKeys.Contains(n.DeduplicationKey))
            .Select(n => n.DeduplicationKey)
            .ToListAsync(cancellationToken);
        foreach (var key in takenKeys)
        {
            byKey.Remove(key);
        }

        if (byKey.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var recipients = byKey.Values.Select(n => n.RecipientUserId).Distinct().ToList();
        var languages = (await db.Users.AsNoTracking()
                .Where(u => recipients.Contains(u.Id))
                .Select(u => new { u.Id, u.PreferredCulture })
                .ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => NotificationTexts.LanguageOf(u.PreferredCulture));
        // A message sent to several people (every member of a lead organisation) is rendered once per language.
        var rendered = new Dictionary<(NotificationMessage, CultureInfo), (string Subject, string Body)>(SameMessageInSameLanguage.Instance);
        var rows = byKey
            .Select(pair =>
            {
                var (message, recipient) = (pair.Value.Message, pair.Value.RecipientUserId);
                var language = languages.GetValueOrDefault(recipient, NotificationTexts.English);
                if (!rendered.TryGetValue((message, language), out var text))
                {
                    text = (message.Subject.Render(language), message.Body.Render(language));
                    rendered.Add((message, language), text);
                }

                return new Notification(recipient, message.Kind, text.Subject, text.Body, message.Link, pair.Key, EmailEnabled, now);
            })
            .ToList();
        return await NotificationInsert.InsertMissingAsync(db, rows, cancellationToken);
    }

    public static string DeduplicationKey(string eventKey, Guid recipient)
    {
        var key = $"{eventKey}:{recipient:N}";
        return key.Length <= MaxDeduplicationKeyLength
            ? key
            : throw new ArgumentException($"The event key is too long ({eventKey.Length} characters); keep it under {MaxDeduplicationKeyLength - 33}.", nameof(eventKey));
    }
}

/// <summary>The same message object in the same language, both compared by reference rather than by their texts.</summary>
internal sealed class SameMessageInSameLanguage : IEqualityComparer<(NotificationMessage Message, CultureInfo Language)>
{
    public static readonly SameMessageInSameLanguage Instance = new();

    public bool Equals((NotificationMessage Message, CultureInfo Language) x, (NotificationMessage Message, CultureInfo Language) y) =>
        ReferenceEquals(x.Message, y.Message) && ReferenceEquals(x.Language, y.Language);

    public int GetHashCode((NotificationMessage Message, CultureInfo Language) obj) =>
        HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Message), RuntimeHelpers.GetHashCode(obj.Language));
}
