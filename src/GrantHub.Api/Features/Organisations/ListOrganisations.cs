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

/// <summary>Applicants list the organisations they belong to; overseeing staff list all. Ordered by name.</summary>
public sealed class ListOrganisationsHandler(GrantHubDbContext db, Viewer user)
    : IQueryHandler<ListOrganisationsQuery, PagedResponse<OrganisationResponse>>
{
    public async ValueTask<PagedResponse<OrganisationResponse>> Handle(ListOrganisationsQuery query, CancellationToken cancellationToken)
    {
        var organisations = db.Organisations.AsNoTracking().VisibleTo(user)
            .Where(o => query.DueDiligence == null || o.DueDiligence == query.DueDiligence);
        var total = await organisations.CountAsync(cancellationToken);
        var page = await organisations
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .PageOf(query)
            .Include(o => o.Members)
            .ToListAsync(cancellationToken);
        return new PagedResponse<OrganisationResponse>(await db.ToResponsesAsync(page, user, cancellationToken), query.Page, query.PageSize, total);
    }
}
