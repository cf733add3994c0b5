using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

public record GetLightReportQuery(Guid Id) : IQuery<EmergencyLightReportResponse>;

/// <summary>The light report of an emergency request (due date, and what it says once sent), for whoever may read the request.</summary>
public sealed class GetLightReportHandler(GrantHubDbContext db, Viewer viewer) : IQueryHandler<GetLightReportQuery, EmergencyLightReportResponse>
{
    public async ValueTask<EmergencyLightReportResponse> Handle(GetLightReportQuery query, CancellationToken cancellationToken)
    {
        var request = await db.EmergencyRequests.AsNoTracking().FindVisibleAsync(viewer, query.Id, cancellationToken);
        var report = await db.EmergencyLightReports.AsNoTracking().FirstOrDefaultAsync(r => r.EmergencyRequestId == request.Id, cancellationToken);
        return EmergencyLightReportResponse.From(request, report);
    }
}
