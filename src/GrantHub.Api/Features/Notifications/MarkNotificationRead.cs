using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Notifications;

public record MarkNotificationReadCommand(Guid Id) : ICommand<NotificationResponse>, IHasId;

public sealed class MarkNotificationReadHandler(GrantHubDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<MarkNotificationReadCommand, NotificationResponse>
{
    public async ValueTask<NotificationResponse> Handle(MarkNotificationReadCommand command, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId();
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == command.Id && n.RecipientUserId == userId, cancellationToken)
            ?? throw new NotFoundException(nameof(Notification), command.Id);
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return NotificationResponse.From(notification);
    }
}
