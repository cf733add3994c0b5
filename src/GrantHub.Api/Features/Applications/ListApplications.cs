using FluentValidation;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Core.Applications;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

public record ListApplicationsQuery(
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    Guid? CallId = null,
    ApplicationStatus? Status = null) : IQuery<PagedResponse<ApplicationResponse>>, IPagedQuery;

public sealed class ListApplicationsValidator : AbstractValidator<ListApplicationsQuery>
{
    public ListApplicationsValidator()
    {
        this.ValidPaging();
        RuleFor(q => q.Status).IsInEnum();
    }
}

/// <summary>
/// The applications the user may read, optionally of one call and in one status, newest first: by submission
/// time, or by creation time for applications never submitted.
/// </summary>
public sealed class ListApplicationsHandler(GrantHubDbContext db, Viewer user)
    : IQueryHandler<ListApplicationsQuery, PagedResponse<ApplicationResponse>>
{
    public async ValueTask<PagedResponse<ApplicationResponse>> Handle(ListApplicationsQuery query, CancellationToken cancellationToken)
    {
        var applications = db.Applications.AsNoTracking().VisibleTo(user)
            .Where(a => query.CallId == null || a.CallId == query.CallId)
            .Where(a => query.Status == null || a.Status == query.Status);
        var total = await applications.CountAsync(cancellationToken);
        var page = await applications
            .OrderByDescending(a => a.SubmittedAt ?? a.CreatedAt).ThenBy(a => a.Id)
            .PageOf(query)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new PagedResponse<ApplicationResponse>(await db.ToResponsesAsync(page, user, cancellationToken), query.Page, query.PageSize, total);
    }
}
