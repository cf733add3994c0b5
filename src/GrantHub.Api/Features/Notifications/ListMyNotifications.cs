using FluentValidation;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Notifications;

public record ListMyNotificationsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, bool UnreadOnly = false)
    : IQuery<PagedResponse<NotificationResponse>>, IPagedQuery;

public sealed class ListMyNotificationsValidator : AbstractValidator<ListMyNotificationsQuery>
{
    public ListMyNotificationsValidator() => this.ValidPaging();
}

/// <summary>The signed-in user's notifications: unread first, then newest first.</summary>
public sealed class ListMyNotificationsHandler(GrantHubDbContext db, ICurrentUser user)
    : IQueryHandler<ListMyNotificationsQuery, PagedResponse<NotificationResponse>>
{
    public async ValueTask<PagedResponse<NotificationResponse>> Handle(ListMyNotificationsQuery query, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId();
        var mine = db.Notifications.AsNoTracking()
            .Where(n => n.RecipientUserId == userId && (!query.UnreadOnly || n.ReadAt == null));
        var total = await mine.CountAsync(cancellationToken);
        var page = await mine
            .OrderBy(n => n.ReadAt == null ? 0 : 1)
            .ThenByDescending(n => n.CreatedAt)
            .ThenBy(n => n.Id)
            .PageOf(query)
            .ToListAsync(cancellationToken);
        return new PagedResponse<NotificationResponse>([.. page.Select(NotificationResponse.From)], query.Page, query.PageSize, total);
    }
}
