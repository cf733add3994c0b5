using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;

namespace GrantHub.Api.Features.Grants;

public record GetGrantReportQuery(Guid Id, Guid ReportId) : IQuery<GrantReportResponse>;

/// <summary>
/// One report with what the lead organisation wrote in it and the officer's comment, for whoever may read the grant
/// (its consortium and overseeing staff): the officer reads it before accepting it or sending it back.
/// </summary>
public sealed class GetGrantReportHandler(GrantHubDbContext db, GrantDetailsReader grants) : IQueryHandler<GetGrantReportQuery, GrantReportResponse>
{
    public async ValueTask<GrantReportResponse> Handle(GetGrantReportQuery query, CancellationToken cancellationToken)
    {
        var grant = await grants.FindVisibleAsync(query.Id, cancellationToken);
        var report = grant.Reports.FirstOrDefault(r => r.Id == query.ReportId) ?? throw new NotFoundException(nameof(GrantReport), query.ReportId);
        var files = await GrantReportResponse.FilesOfAsync(db, [report], cancellationToken);
        return GrantReportResponse.From(report, grant.Currency, report.FileId is { } fileId ? files[fileId] : null);
    }
}
