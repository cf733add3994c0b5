using FluentValidation;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

public record ListGrantsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, GrantStatus? Status = null, Guid? FundId = null)
    : IQuery<PagedResponse<GrantResponse>>, IPagedQuery;

public sealed class ListGrantsValidator : AbstractValidator<ListGrantsQuery>
{
    public ListGrantsValidator() => this.ValidPaging();
}

/// <summary>Staff see every grant; consortium members the grants of their organisations. Newest award first.</summary>
public sealed class ListGrantsHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock)
    : IQueryHandler<ListGrantsQuery, PagedResponse<GrantResponse>>
{
    public async ValueTask<PagedResponse<GrantResponse>> Handle(ListGrantsQuery query, CancellationToken cancellationToken)
    {
        var grants = db.Grants.AsNoTracking().Listed(viewer, query.Status, query.FundId);
        var total = await grants.CountAsync(cancellationToken);
        var page = await grants
            .NewestAwardFirst()
            .PageOf(query)
            .WithSummary()
            .ToListAsync(cancellationToken);
        var today = clock.UtcToday();
        return new PagedResponse<GrantResponse>(
            [.. page.Select(grant => { grant.RefreshDueTranches(today); return GrantResponse.From(grant); })],
            query.Page,
            query.PageSize,
            total);
    }
}

/// <summary>Which grants a list shows (<see cref="ListGrantsQuery"/>, <see cref="ListGrantRowsQuery"/>) and in which order.</summary>
public static class GrantListing
{
    public static IQueryable<Grant> Listed(this IQueryable<Grant> grants, Viewer viewer, GrantStatus? status, Guid? fundId) =>
        grants.VisibleTo(viewer).Where(g => (status == null || g.Status == status) && (fundId == null || g.FundId == fundId));

    public static IOrderedQueryable<Grant> NewestAwardFirst(this IQueryable<Grant> grants) =>
        grants.OrderByDescending(g => g.AwardedAt).ThenBy(g => g.Id);
}
