using System.Globalization;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Core.Reviews;

namespace GrantHub.Api.Features.Reviews;

/// <summary>
/// What reviewers and officers are told about reviews. Subjects are fixed phrases; bodies name the application by
/// its title (never an organisation) and never carry anyone's scores.
/// </summary>
public sealed class ReviewNotifications(Notifier notifier)
{
    public const int DueSoonDays = 3;

    public Task AssignedAsync(ReviewAssignment assignment, string applicationTitle, string callTitle, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(
            [assignment.ReviewerUserId],
            new NotificationMessage(
                "review-assigned",
                "You have been asked to review an application",
                $"Please review the application \"{applicationTitle}\" to the call \"{callTitle}\" by {Utc(assignment.DueAt)}. " +
                "Declare whether you have a conflict of interest before you score it.",
                ApplicationLink(assignment)),
            $"review-assigned:{assignment.Id}",
            cancellationToken);

    /// <summary>The officer who made the assignment learns that the reviewer stepped aside, to assign someone else.</summary>
    public Task RecusedAsync(ReviewAssignment assignment, string applicationTitle, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(
            [assignment.AssignedBy],
            new NotificationMessage(
                "review-recused",
                "A reviewer declared a conflict of interest",
                $"A reviewer declared a conflict of interest on the application \"{applicationTitle}\" and is recused. Assign another reviewer.",
                $"/api/applications/{assignment.ApplicationId}/reviews"),
            $"review-recused:{assignment.Id}",
            cancellationToken);

    public static OutgoingNotification DueSoon(Guid assignmentId, Guid reviewerUserId, Guid applicationId, string applicationTitle, DateTimeOffset dueAt) =>
        new(
            reviewerUserId,
            new NotificationMessage(
                "review-due",
                $"A review is due within {DueSoonDays} days",
                $"Your review of the application \"{applicationTitle}\" is due by {Utc(dueAt)}.",
                $"/api/applications/{applicationId}"),
            $"review-due-3d:{assignmentId}");

    public static OutgoingNotification Overdue(Guid assignmentId, Guid reviewerUserId, Guid applicationId, string applicationTitle, DateTimeOffset dueAt) =>
        new(
            reviewerUserId,
            new NotificationMessage(
                "review-overdue",
                "A review is overdue",
                $"Your review of the application \"{applicationTitle}\" was due by {Utc(dueAt)} and has not been submitted.",
                $"/api/applications/{applicationId}"),
            $"review-overdue:{assignmentId}");

    private static string ApplicationLink(ReviewAssignment assignment) => $"/api/applications/{assignment.ApplicationId}";

    private static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
