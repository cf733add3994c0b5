using GrantHub.Api.Infrastructure.Http;
using Mediator;

namespace GrantHub.Api.Features.Notifications;

public static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder routes)
    {
        var notifications = routes.MapGroup("/api/me/notifications").WithTags("Notifications").WithProblemResponses().RequireAuthorization();

        notifications.MapGetBuiltAtStart("/", (IMediator mediator, [AsParameters] ListMyNotificationsQuery query, CancellationToken ct) => mediator.Send(query, ct))
            .WithSummary("My notifications, unread first");

        notifications.MapPost("/{id:guid}/read", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new MarkNotificationReadCommand(id), ct))
            .WithSummary("Mark one of my notifications as read");
    }
}
