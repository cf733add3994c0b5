using FluentValidation;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

public record ListEmergencyRequestsQuery(
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    EmergencyRequestStatus? Status = null,
    Guid? FundId = null) : IQuery<PagedResponse<EmergencyRequestResponse>>, IPagedQuery;

public sealed class ListEmergencyRequestsValidator : AbstractValidator<ListEmergencyRequestsQuery>
{
    public ListEmergencyRequestsValidator() => this.ValidPaging();
}

/// <summary>
/// Finance, programme officers and admins see every request, applicants their organisations' requests; newest first.
/// A staff member whose roles give no access to emergency requests (a reviewer) and who belongs to no organisation is refused.
/// </summary>
public sealed class ListEmergencyRequestsHandler(GrantHubDbContext db, Viewer viewer)
    : IQueryHandler<ListEmergencyRequestsQuery, PagedResponse<EmergencyRequestResponse>>
{
    public async ValueTask<PagedResponse<EmergencyRequestResponse>> Handle(ListEmergencyRequestsQuery query, CancellationToken cancellationToken)
    {
        if (await viewer.MayListNoEmergencyRequestsAsync(cancellationToken))
        {
            throw new ForbiddenException("Emergency requests are confidential: only finance, programme officers, admins and the requesting organisations see them.");
        }

        var requests = db.EmergencyRequests.AsNoTracking().VisibleTo(viewer)
            .Where(r => query.Status == null || r.Status == query.Status)
            .Where(r => query.FundId == null || r.FundId == query.FundId);
        var total = await requests.CountAsync(cancellationToken);
        var page = await requests
            .OrderByDescending(r => r.SubmittedAt).ThenBy(r => r.Id)
            .PageOf(query)
            .Include(r => r.Approvals)
            .ToListAsync(cancellationToken);
        var items = new List<EmergencyRequestResponse>(page.Count);
        foreach (var request in page)
        {
            items.Add(await EmergencyRequestResponse.ForAsync(request, viewer, cancellationToken));
        }

        return new PagedResponse<EmergencyRequestResponse>(items, query.Page, query.PageSize, total);
    }
}
