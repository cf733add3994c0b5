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
                new NotificationText("review-assigned.Subject"),
                new NotificationText("review-assigned.Body", applicationTitle, callTitle, assignment.DueAt.UtcDateTime),
                ApplicationLink(assignment.ApplicationId)),
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
                ApplicationLink(assignment.ApplicationId)),
            $"review-recused:{assignment.Id}",
            cancellationToken);

    public static OutgoingNotification DueSoon(Guid assignmentId, Guid reviewerUserId, Guid applicationId, string applicationTitle, DateTimeOffset dueAt) =>
        new(
            reviewerUserId,
            new NotificationMessage(
                "review-due",
                new NotificationText("review-due.Subject", DueSoonDays),
                new NotificationText("review-due.Body", applicationTitle, dueAt.UtcDateTime),
                ApplicationLink(applicationId)),
            $"review-due-3d:{assignmentId}");

    public static OutgoingNotification Overdue(Guid assignmentId, Guid reviewerUserId, Guid applicationId, string applicationTitle, DateTimeOffset dueAt) =>
        new(
            reviewerUserId,
            new NotificationMessage(
                "review-overdue",
                new NotificationText("review-overdue.Subject"),
                new NotificationText("review-overdue.Body", applicationTitle, dueAt.UtcDateTime),
                ApplicationLink(applicationId)),
            $"review-overdue:{assignmentId}");

    /// <summary>The application's web page, which its reviewers and the officers may open.</summary>
    private static string ApplicationLink(Guid applicationId) => $"/applications/{applicationId}";
}
