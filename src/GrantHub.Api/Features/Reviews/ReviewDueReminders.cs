using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Applications;
using GrantHub.Core.Data;
using GrantHub.Core.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Reviews;

public record SendReviewDueRemindersCommand : ICommand<SweepResult>;

/// <summary>
/// Reminds each reviewer whose review is still open (assigned or in progress, on an undecided application): once
/// when it is due within three days, once when it is overdue (a review first seen overdue gets only the overdue
/// reminder). One query finds them all; running twice, or on two servers, adds nothing.
/// </summary>
public sealed class SendReviewDueRemindersHandler(GrantHubDbContext db, TimeProvider clock, Notifier notifier)
    : ICommandHandler<SendReviewDueRemindersCommand, SweepResult>
{
    public async ValueTask<SweepResult> Handle(SendReviewDueRemindersCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var horizon = now.AddDays(ReviewNotifications.DueSoonDays);
        var open = await db.ReviewAssignments
            .Where(r => (r.Status == ReviewStatus.Assigned || r.Status == ReviewStatus.InProgress) && r.DueAt <= horizon)
            .Join(
                db.Applications.Where(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview),
                r => r.ApplicationId,
                a => a.Id,
                (r, a) => new { r.Id, r.ReviewerUserId, r.DueAt, a.Title })
            .ToListAsync(cancellationToken);

        var added = await notifier.NotifyManyAsync(
            open.Select(r => r.DueAt <= now
                ? ReviewNotifications.Overdue(r.Id, r.ReviewerUserId, r.Title, r.DueAt)
                : ReviewNotifications.DueSoon(r.Id, r.ReviewerUserId, r.Title, r.DueAt)),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new SweepResult(added);
    }
}

public sealed class ReviewDueRemindersJob(IMediator mediator) : IRecurringJob
{
    public const string Id = "reviews:due-reminders";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new SendReviewDueRemindersCommand(), cancellationToken);
}
