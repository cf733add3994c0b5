using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Notifications;
using GrantHub.Tests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Reminders;

public static class ReminderSteps
{
    /// <summary>Runs a sweep the way its recurring job does: one mediator command through the whole pipeline.</summary>
    public static async Task<SweepResult> Sweep(this GrantHubFactory factory, ICommand<SweepResult> command)
    {
        SweepResult? result = null;
        await factory.WithScope(async services => result = await services.GetRequiredService<IMediator>().Send(command));
        return result!;
    }

    public static Task<SweepResult> ReportReminders(this GrantHubFactory factory) => factory.Sweep(new ReportDueRemindersCommand());

    public static Task<SweepResult> CallClosingReminders(this GrantHubFactory factory) => factory.Sweep(new CallClosingRemindersCommand());

    public static Task<SweepResult> AgreementUnsignedReminders(this GrantHubFactory factory) => factory.Sweep(new AgreementUnsignedRemindersCommand());

    public static Task<SweepResult> OnwardTransferReminders(this GrantHubFactory factory) => factory.Sweep(new OnwardTransferRemindersCommand());

    private static readonly string[] ReminderKinds =
    [
        CallClosingRemindersHandler.Kind,
        ReportDueRemindersHandler.DueKind,
        ReportDueRemindersHandler.OverdueKind,
        AgreementUnsignedRemindersHandler.Kind,
    ];

    /// <summary>The reminders about one object (its id appears in the event key), oldest first.</summary>
    public static Task<List<Notification>> RemindersAbout(this GrantHubFactory factory, Guid objectId)
    {
        var id = objectId.ToString("N");
        return factory.WithDb(db => db.Notifications.AsNoTracking()
            .Where(n => ReminderKinds.Contains(n.Kind) && n.DeduplicationKey.Contains(id))
            .OrderBy(n => n.CreatedAt)
            .ThenBy(n => n.DeduplicationKey)
            .ToListAsync());
    }

    /// <summary>The event part of a de-duplication key (<c>report-due-7d</c> of <c>report-due-7d:{id}:{date}:{recipient}</c>).</summary>
    public static string Reminder(this Notification notification) => notification.DeduplicationKey[..notification.DeduplicationKey.IndexOf(':', StringComparison.Ordinal)];

    public static HashSet<Guid> Recipients(this IEnumerable<Notification> notifications, string reminder) =>
        [.. notifications.Where(n => n.Reminder() == reminder).Select(n => n.RecipientUserId)];

    /// <summary>Moves the clock forward by whole days to the given UTC date, keeping the time of day.</summary>
    public static void AdvanceTo(this GrantHubFactory factory, DateOnly day)
    {
        var days = day.DayNumber - factory.Today().DayNumber;
        Assert.True(days >= 0, "The clock only moves forward.");
        factory.Clock.Advance(TimeSpan.FromDays(days));
    }

    public static Task<int> AuditEntries(this GrantHubFactory factory, string command) =>
        factory.WithDb(db => db.AuditEntries.CountAsync(a => a.Command == command));
}
