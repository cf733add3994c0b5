using FluentValidation;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Calls;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Calls;

public record ListCallsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, CallStatus? Status = null)
    : IQuery<PagedResponse<CallResponse>>, IPagedQuery;

public sealed class ListCallsValidator : AbstractValidator<ListCallsQuery>
{
    public ListCallsValidator() => this.ValidPaging();
}

/// <summary>Staff see every call; applicants and anonymous visitors see only Open calls.</summary>
public sealed class ListCallsHandler(GrantHubDbContext db, ICurrentUser user) : IQueryHandler<ListCallsQuery, PagedResponse<CallResponse>>
{
    public async ValueTask<PagedResponse<CallResponse>> Handle(ListCallsQuery query, CancellationToken cancellationToken)
    {
        var status = user.IsStaff() ? query.Status : CallStatus.Open;
        var calls = db.Calls.AsNoTracking().Where(c => status == null || c.Status == status);
        var total = await calls.CountAsync(cancellationToken);
        var page = await calls
            .OrderBy(c => c.ClosesAt).ThenBy(c => c.Id)
            .PageOf(query)
            .Join(db.Funds, c => c.FundId, f => f.Id, (c, f) => new { Call = c, f.Currency })
            .ToListAsync(cancellationToken);
        return new PagedResponse<CallResponse>(
            [.. page.Select(row => CallResponse.From(row.Call, row.Currency))], query.Page, query.PageSize, total);
    }
}
