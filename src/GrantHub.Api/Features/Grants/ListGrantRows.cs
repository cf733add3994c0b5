using FluentValidation;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

/// <summary>A grant as one row of the staff's table and its CSV file, named by its number.</summary>
public record GrantRow(Guid Id, string GrantNumber, Guid FundId, GrantStatus Status, decimal Amount, string Currency, DateOnly StartDate, DateOnly EndDate);

/// <summary>The grants <see cref="ListGrantsQuery"/> lists, in its order, as rows: without the tranches, reports and agreements of each.</summary>
public record ListGrantRowsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, GrantStatus? Status = null, Guid? FundId = null)
    : IQuery<PagedResponse<GrantRow>>, IPagedQuery;

public sealed class ListGrantRowsValidator : AbstractValidator<ListGrantRowsQuery>
{
    public ListGrantRowsValidator() => this.ValidPaging();
}

public sealed class ListGrantRowsHandler(GrantHubDbContext db, Viewer viewer) : IQueryHandler<ListGrantRowsQuery, PagedResponse<GrantRow>>
{
    public async ValueTask<PagedResponse<GrantRow>> Handle(ListGrantRowsQuery query, CancellationToken cancellationToken)
    {
        var grants = db.Grants.AsNoTracking().Listed(viewer, query.Status, query.FundId);
        var total = await grants.CountAsync(cancellationToken);
        // The amount as its two columns: a projected Money (an EF complex type) makes EF read whole grants.
        var page = await grants
            .NewestAwardFirst()
            .PageOf(query)
            .Select(g => new { g.Id, g.GrantNumber, g.FundId, g.Status, g.Amount.MinorUnits, g.Currency, g.StartDate, g.EndDate })
            .ToListAsync(cancellationToken);
        return new PagedResponse<GrantRow>(
            [.. page.Select(g => new GrantRow(g.Id, g.GrantNumber, g.FundId, g.Status, new Money(g.MinorUnits, g.Currency).Amount, g.Currency, g.StartDate, g.EndDate))],
            query.Page,
            query.PageSize,
            total);
    }
}
