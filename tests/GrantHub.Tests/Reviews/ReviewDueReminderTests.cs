using System.Net;
using GrantHub.Api.Features.Reviews;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Reviews;

public class ReviewDueReminderTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private Task<List<string>> KeysFor(Guid assignmentId) =>
        factory.WithDb(db => db.Notifications
            .Where(n => n.DeduplicationKey.StartsWith($"review-due-3d:{assignmentId}:") || n.DeduplicationKey.StartsWith($"review-overdue:{assignmentId}:"))
            .Select(n => n.DeduplicationKey)
            .ToListAsync());

    [Fact]
    public async Task A_reviewer_is_reminded_once_three_days_before_the_due_date_and_once_when_it_is_overdue()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var assignment = await factory.Assign(consortium.Id, reviewer, TimeSpan.FromDays(5));

        await factory.SendReviewDueReminders();
        Assert.Empty(await KeysFor(assignment.Id));

        factory.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        await factory.SendReviewDueReminders();
        Assert.Equal(0, (await factory.SendReviewDueReminders()).Affected);
        Assert.Equal([$"review-due-3d:{assignment.Id}:{reviewer.Id:N}"], await KeysFor(assignment.Id));

        factory.Clock.Advance(TimeSpan.FromDays(3));
        await factory.SendReviewDueReminders();
        Assert.Equal(0, (await factory.SendReviewDueReminders()).Affected);
        Assert.Equal(
            [$"review-due-3d:{assignment.Id}:{reviewer.Id:N}", $"review-overdue:{assignment.Id}:{reviewer.Id:N}"],
            (await KeysFor(assignment.Id)).Order());
        var notifications = await reviewer.Client.Notifications();
        Assert.Equal(["review-assigned", "review-due", "review-overdue"], notifications.Select(n => n.Kind).Order());
        Assert.All(notifications, n => Assert.Contains(consortium.Application.Title, n.Body));
        Assert.All(notifications, n => Assert.Equal($"/reviews/{assignment.Id}", n.Link));
    }

    [Fact]
    public async Task A_review_first_found_overdue_gets_only_the_overdue_reminder()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var assignment = await factory.Assign(consortium.Id, reviewer, TimeSpan.FromDays(1));
        await (await reviewer.Client.Declare(assignment.Id, hasConflict: false)).ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromDays(2));

        await factory.SendReviewDueReminders();

        Assert.Equal([$"review-overdue:{assignment.Id}:{reviewer.Id:N}"], await KeysFor(assignment.Id));
    }

    [Fact]
    public async Task Submitted_and_recused_reviews_get_no_reminder()
    {
        var consortium = await factory.SubmittedConsortium();
        var done = await factory.NewReviewer();
        var recusedReviewer = await factory.NewReviewer();
        var submitted = await factory.Review(consortium.Id, done, 3, 3);
        var recused = await factory.Assign(consortium.Id, recusedReviewer, TimeSpan.FromDays(14));
        await (await recusedReviewer.Client.Declare(recused.Id, hasConflict: true, "Conflict.")).ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromDays(15));

        await factory.SendReviewDueReminders();

        Assert.Empty(await KeysFor(submitted.Id));
        Assert.Empty(await KeysFor(recused.Id));
    }

    [Fact]
    public async Task The_recurring_job_is_registered_under_a_stable_id_and_sends_the_sweep()
    {
        var consortium = await factory.SubmittedConsortium();
        var reviewer = await factory.NewReviewer();
        var assignment = await factory.Assign(consortium.Id, reviewer, TimeSpan.FromDays(2));

        await factory.WithScope(services => ActivatorUtilities.CreateInstance<ReviewDueRemindersJob>(services).RunAsync(CancellationToken.None));

        Assert.Equal([$"review-due-3d:{assignment.Id}:{reviewer.Id:N}"], await KeysFor(assignment.Id));
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Contains(ReviewDueRemindersJob.Id, Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Select(j => j.Id));
    }

    [Fact]
    public async Task A_sweep_that_reminds_nobody_leaves_no_audit_entry()
    {
        await factory.SendReviewDueReminders();
        var before = await factory.WithDb(db => db.AuditEntries.CountAsync());

        var result = await factory.SendReviewDueReminders();

        Assert.Equal(new SweepResult(0), result);
        Assert.Equal(before, await factory.WithDb(db => db.AuditEntries.CountAsync()));
    }
}
