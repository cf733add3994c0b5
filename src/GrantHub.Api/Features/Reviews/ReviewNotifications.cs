using GrantHub.Api.Infrastructure.Email;
using GrantHub.Core.Reviews;

namespace GrantHub.Api.Features.Reviews;

/// <summary>
/// What reviewers and officers are told about reviews. Subjects are fixed phrases; bodies name the application by
/// its title (never an organisation) and never carry anyone's scores. A reviewer's link opens her review; the
/// officer told of a recusal lands where she assigns someone else.
/// </summary>
public sealed class ReviewNotifications(Notifier notifier)
{
    public const int DueSoonDays = 3;

    public Task AssignedAsync(ReviewAssignment assignment, string applicationTitle, string callTitle, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(
            [assignment.ReviewerUserId],
            new NotificationMessage(
                "review-assigned",
                new NotificationText("review-assigned.Subject"),
                new NotificationText("review-assigned.Body", applicationTitle, callTitle, assignment.DueAt.UtcDateTime),
                ReviewLink(assignment.Id)),
            $"review-assigned:{assignment.Id}",
            cancellationToken);

    /// <summary>The officer who made the assignment learns that the reviewer stepped aside, to assign someone else.</summary>
    public Task RecusedAsync(ReviewAssignment assignment, string applicationTitle, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(
            [assignment.AssignedBy],
            new NotificationMessage(
                "review-recused",
                new NotificationText("review-recused.Subject"),
                new NotificationText("review-recused.Body", applicationTitle),
                $"/applications/{assignment.ApplicationId}/assessment"),
            $"review-recused:{assignment.Id}",
            cancellationToken);

    public static OutgoingNotification DueSoon(Guid assignmentId, Guid reviewerUserId, string applicationTitle, DateTimeOffset dueAt) =>
        new(
            reviewerUserId,
            new NotificationMessage(
                "review-due",
                new NotificationText("review-due.Subject", DueSoonDays),
                new NotificationText("review-due.Body", applicationTitle, dueAt.UtcDateTime),
                ReviewLink(assignmentId)),
            $"review-due-3d:{assignmentId}");

    public static OutgoingNotification Overdue(Guid assignmentId, Guid reviewerUserId, string applicationTitle, DateTimeOffset dueAt) =>
        new(
            reviewerUserId,
            new NotificationMessage(
                "review-overdue",
                new NotificationText("review-overdue.Subject"),
                new NotificationText("review-overdue.Body", applicationTitle, dueAt.UtcDateTime),
                ReviewLink(assignmentId)),
            $"review-overdue:{assignmentId}");

    /// <summary>The reviewer's own page of the assignment: the declaration, then the scoring form.</summary>
    private static string ReviewLink(Guid assignmentId) => $"/reviews/{assignmentId}";
}
