using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Notifications;

namespace GrantHub.Api.Features.Notifications;

public record NotificationResponse(Guid Id, string Kind, string Subject, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
    : IHasId
{
    public static NotificationResponse From(Notification n) => new(n.Id, n.Kind, n.Subject, n.Body, n.Link, n.CreatedAt, n.ReadAt);
}
