using GrantHub.Api.Infrastructure.Database;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Core.Data;
using GrantHub.Core.Notifications;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Notifications;

public class NotifierTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Notify_many_adds_each_missing_notification_once_even_when_two_instances_run_the_same_sweep_at_once()
    {
        using var second = factory.SecondInstance();
        var recipients = new[]
        {
            await factory.UserId("lead@granthub.local"), await factory.UserId("partner@granthub.local"), await factory.UserId("reviewer@granthub.local"),
        };
        var sweep = Guid.NewGuid().ToString("N");
        var alreadyNotified = await factory.Notify([recipients[0]], eventKey: $"report-due-7d:{sweep}-0");
        var due = (from report in Enumerable.Range(0, 40)
                   from recipient in recipients
                   select new OutgoingNotification(recipient, NotificationSteps.Message(), $"report-due-7d:{sweep}-{report}")).ToList();

        var added = await Task.WhenAll(Enumerable.Range(0, 6).Select(run => RunSweep(run % 2 == 0 ? factory : second, [.. due, .. due.Take(5)])));

        Assert.Equal(119, added.Sum());
        var keys = await factory.WithDb(db => db.Notifications.Where(n => n.DeduplicationKey.StartsWith($"report-due-7d:{sweep}-"))
            .Select(n => n.DeduplicationKey).ToListAsync());
        Assert.Equal(120, keys.Count);
        Assert.Equal(120, keys.Distinct().Count());
        Assert.Equal(alreadyNotified.Single().Id, await factory.WithDb(db => db.Notifications
            .Where(n => n.DeduplicationKey == alreadyNotified.Single().DeduplicationKey).Select(n => n.Id).SingleAsync()));
        Assert.Equal(0, await RunSweep(second, due));
    }

    [Fact]
    public async Task Notify_keeps_one_notification_per_recipient_per_event_across_calls_in_one_unit_of_work()
    {
        var lead = await factory.UserId("lead@granthub.local");
        var partner = await factory.UserId("partner@granthub.local");
        var eventKey = $"partner-invited:{Guid.NewGuid():N}";

        await factory.WithScope(async services =>
        {
            var notifier = services.GetRequiredService<Notifier>();
            await notifier.NotifyAsync([lead, lead], NotificationSteps.Message(), eventKey, CancellationToken.None);
            await notifier.NotifyAsync([lead, partner], NotificationSteps.Message(), eventKey, CancellationToken.None);
            await services.GetRequiredService<GrantHubDbContext>().SaveChangesAsync();
        });
        await factory.Notify([lead, partner], eventKey: eventKey);

        var rows = await factory.WithDb(db => db.Notifications.Where(n => n.DeduplicationKey.StartsWith(eventKey)).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal(new HashSet<Guid> { lead, partner }, rows.Select(r => r.RecipientUserId).ToHashSet());
    }

    [Fact]
    public async Task Without_smtp_new_notifications_are_in_app_only()
    {
        var created = Assert.Single(await factory.Notify([await factory.UserId("lead@granthub.local")]));

        Assert.Equal(EmailDelivery.NotRequired, created.Email);
        Assert.Null(created.NextEmailAttemptAt);
    }

    [Fact]
    public async Task The_unique_index_is_the_final_arbiter_and_its_refusal_is_recognised_for_a_retry()
    {
        var lead = await factory.UserId("lead@granthub.local");
        var first = Assert.Single(await factory.Notify([lead]));

        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => factory.WithDb(db =>
        {
            db.Notifications.Add(new Notification(lead, "report-due", "s", "b", null, first.DeduplicationKey, sendEmail: false, factory.Clock.GetUtcNow()));
            return db.SaveChangesAsync();
        }));
        var unknownRecipient = await Assert.ThrowsAsync<DbUpdateException>(() => factory.WithDb(db =>
        {
            db.Notifications.Add(new Notification(Guid.NewGuid(), "report-due", "s", "b", null, $"other:{Guid.NewGuid():N}", sendEmail: false, factory.Clock.GetUtcNow()));
            return db.SaveChangesAsync();
        }));

        Assert.True(DatabaseErrors.IsUniqueViolation(duplicate));
        Assert.False(DatabaseErrors.IsUniqueViolation(unknownRecipient));
    }

    [Fact]
    public void An_event_key_too_long_for_the_key_column_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Notifier.DeduplicationKey(new string('k', 268), Guid.NewGuid()));
        Assert.Equal(300, Notifier.DeduplicationKey(new string('k', 267), Guid.NewGuid()).Length);
    }

    /// <summary>What a sweep's handler does inside its unit of work: one transaction, NotifyMany, one save.</summary>
    private static async Task<int> RunSweep(GrantHubFactory host, IReadOnlyList<OutgoingNotification> due)
    {
        var added = 0;
        await host.WithScope(async services =>
        {
            var db = services.GetRequiredService<GrantHubDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            added = await services.GetRequiredService<Notifier>().NotifyManyAsync(due, CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
        return added;
    }
}
