using FluentValidation;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Core.Data;
using GrantHub.Core.Funds;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Funds;

public record ListFundsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, FundKind? Kind = null)
    : IQuery<PagedResponse<FundResponse>>, IPagedQuery;

public sealed class ListFundsValidator : AbstractValidator<ListFundsQuery>
{
    public ListFundsValidator() => this.ValidPaging();
}

public sealed class ListFundsHandler(GrantHubDbContext db) : IQueryHandler<ListFundsQuery, PagedResponse<FundResponse>>
{
    public async ValueTask<PagedResponse<FundResponse>> Handle(ListFundsQuery query, CancellationToken cancellationToken)
    {
        var funds = db.Funds.AsNoTracking().Where(f => query.Kind == null || f.Kind == query.Kind);
        var total = await funds.CountAsync(cancellationToken);
        var page = await funds.OrderBy(f => f.Name).ThenBy(f => f.Id).PageOf(query).ToListAsync(cancellationToken);
        return new PagedResponse<FundResponse>([.. page.Select(FundResponse.From)], query.Page, query.PageSize, total);
    }
}
