using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

public record ListGrantReportsQuery(Guid Id, ReportStatus? Status = null) : IQuery<GrantReportsResponse>;

public record GrantReportsResponse(Guid GrantId, IReadOnlyList<GrantReportResponse> Items);

/// <summary>
/// A grant's reports with what the lead organisation wrote in them, earliest due first, optionally of one status (the
/// officer reads every submitted one at once), for whoever may read the grant. A grant has one report per year and a
/// final one, so the list needs no paging.
/// </summary>
public sealed class ListGrantReportsHandler(GrantHubDbContext db, Viewer viewer) : IQueryHandler<ListGrantReportsQuery, GrantReportsResponse>
{
    public async ValueTask<GrantReportsResponse> Handle(ListGrantReportsQuery query, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.AsNoTracking().Include(g => g.Reports).FindVisibleAsync(viewer, query.Id, cancellationToken);
        var reports = grant.Reports.Where(r => query.Status == null || r.Status == query.Status).ToList();
        var files = await GrantReportResponse.FilesOfAsync(db, reports, cancellationToken);
        return new GrantReportsResponse(
            grant.Id,
            [
                .. reports
                    .OrderBy(r => r.DueOn).ThenBy(r => r.Kind)
                    .Select(r => GrantReportResponse.From(r, grant.Currency, r.FileId is { } fileId ? files[fileId] : null)),
            ]);
    }
}
