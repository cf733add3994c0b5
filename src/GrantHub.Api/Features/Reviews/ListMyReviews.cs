using FluentValidation;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using GrantHub.Core.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Reviews;

public record ListMyReviewsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, ReviewStatus? Status = null)
    : IQuery<PagedResponse<ReviewAssignmentResponse>>, IPagedQuery;

public sealed class ListMyReviewsValidator : AbstractValidator<ListMyReviewsQuery>
{
    public ListMyReviewsValidator()
    {
        this.ValidPaging();
        RuleFor(q => q.Status).IsInEnum();
    }
}

/// <summary>The reviewer's own assignments (never anyone else's), soonest due first.</summary>
public sealed class ListMyReviewsHandler(GrantHubDbContext db, ICurrentUser user)
    : IQueryHandler<ListMyReviewsQuery, PagedResponse<ReviewAssignmentResponse>>
{
    public async ValueTask<PagedResponse<ReviewAssignmentResponse>> Handle(ListMyReviewsQuery query, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId();
        var mine = db.ReviewAssignments.AsNoTracking()
            .Where(r => r.ReviewerUserId == userId)
            .Where(r => query.Status == null || r.Status == query.Status);
        var total = await mine.CountAsync(cancellationToken);
        var page = await mine.OrderBy(r => r.DueAt).ThenBy(r => r.Id).PageOf(query).ToListAsync(cancellationToken);
        return new PagedResponse<ReviewAssignmentResponse>(await db.ToResponsesAsync(page, cancellationToken), query.Page, query.PageSize, total);
    }
}
