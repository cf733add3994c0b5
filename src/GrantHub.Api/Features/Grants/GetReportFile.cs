using GrantHub.Api.Infrastructure.Uploads;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

public record GetReportFileQuery(Guid Id, Guid ReportId) : IQuery<StoredFileDownload>;

/// <summary>The file of a report, to whoever may read the grant (its consortium and overseeing staff); 404 to anyone else.</summary>
public sealed class GetReportFileHandler(GrantHubDbContext db, Viewer viewer) : IQueryHandler<GetReportFileQuery, StoredFileDownload>
{
    public async ValueTask<StoredFileDownload> Handle(GetReportFileQuery query, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.AsNoTracking().Include(g => g.Reports).FindVisibleAsync(viewer, query.Id, cancellationToken);
        var report = grant.Reports.FirstOrDefault(r => r.Id == query.ReportId) ?? throw new NotFoundException(nameof(GrantReport), query.ReportId);
        return report.FileId is { } fileId
            ? await StoredFileDownload.ReadAsync(db, fileId, cancellationToken)
            : throw new NotFoundException("File", query.ReportId);
    }
}
