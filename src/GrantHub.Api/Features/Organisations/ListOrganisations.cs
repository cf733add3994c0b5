using FluentValidation;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Organisations;

public record ListOrganisationsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, DueDiligenceStatus? DueDiligence = null)
    : IQuery<PagedResponse<OrganisationResponse>>, IPagedQuery;

public sealed class ListOrganisationsValidator : AbstractValidator<ListOrganisationsQuery>
{
    public ListOrganisationsValidator()
    {
        this.ValidPaging();
        RuleFor(q => q.DueDiligence).IsInEnum();
    }
}

/// <summary>
/// Applicants list the organisations they belong to; overseeing staff list all. Ordered by name: names are encrypted at
/// rest, so the visible organisations' ids and names are read, decrypted and sorted here, and only the page is loaded.
/// </summary>
public sealed class ListOrganisationsHandler(GrantHubDbContext db, Viewer user)
    : IQueryHandler<ListOrganisationsQuery, PagedResponse<OrganisationResponse>>
{
    public async ValueTask<PagedResponse<OrganisationResponse>> Handle(ListOrganisationsQuery query, CancellationToken cancellationToken)
    {
        var organisations = db.Organisations.AsNoTracking().VisibleTo(user)
            .Where(o => query.DueDiligence == null || o.DueDiligence == query.DueDiligence);
        var names = await organisations.Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var pageIds = names
            .OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(o => o.Id)
            .ToList();
        var loaded = await db.Organisations.AsNoTracking().Where(o => pageIds.Contains(o.Id)).Include(o => o.Members).ToDictionaryAsync(o => o.Id, cancellationToken);
        var page = pageIds.Select(id => loaded[id]).ToList();
        var total = names.Count;
        return new PagedResponse<OrganisationResponse>(await db.ToResponsesAsync(page, user, cancellationToken), query.Page, query.PageSize, total);
    }
}
