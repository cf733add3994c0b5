using GrantHub.Api.Features.Notifications;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Notifications;
using GrantHub.Tests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Notifications;

public static class NotificationSteps
{
    /// <summary>
    /// A message whose subject and body are the given words, through the catalogue's composite text (four fragments
    /// written one after the other), since notifications are only ever made of catalogue texts.
    /// </summary>
    public static NotificationMessage Message(string subject = "Annual report due on 2026-04-01", string? link = "/api/grants/3f6d1c2e") => new(
        "report-due",
        Verbatim(subject),
        Verbatim("The year-1 report of your core grant is due on 2026-04-01. Submit it in GrantHub before then."),
        link);

    private static NotificationText Verbatim(string words) => new("report-reminder.Lead", words, null, null, null);

    /// <summary>Makes notifications the way a command handler does (Notifier, then one save) and returns them.</summary>
    public static async Task<IReadOnlyList<Notification>> Notify(
        this GrantHubFactory factory, IEnumerable<Guid> recipients, NotificationMessage? message = null, string? eventKey = null)
    {
        eventKey ??= $"test-event:{Guid.NewGuid():N}";
        var recipientIds = recipients.ToList();
        await factory.WithScope(async services =>
        {
            await services.GetRequiredService<Notifier>().NotifyAsync(recipientIds, message ?? Message(), eventKey, CancellationToken.None);
            await services.GetRequiredService<GrantHub.Core.Data.GrantHubDbContext>().SaveChangesAsync();
        });
        var keys = recipientIds.Select(id => Notifier.DeduplicationKey(eventKey, id)).ToList();
        return await factory.WithDb(db => db.Notifications.AsNoTracking().Where(n => keys.Contains(n.DeduplicationKey)).ToListAsync());
    }

    public static async Task<SweepResult> DispatchEmails(this GrantHubFactory factory)
    {
        SweepResult? result = null;
        await factory.WithScope(async services => result = await services.GetRequiredService<IMediator>().Send(new DispatchEmailsCommand()));
        return result!;
    }

    public static Task<Notification> Reload(this GrantHubFactory factory, Guid notificationId) =>
        factory.WithDb(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == notificationId));

    public static Task<List<Notification>> Reload(this GrantHubFactory factory, IEnumerable<Notification> notifications)
    {
        var ids = notifications.Select(n => n.Id).ToList();
        return factory.WithDb(db => db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync());
    }
}
