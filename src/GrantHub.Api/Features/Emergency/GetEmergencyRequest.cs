using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

public record GetEmergencyRequestQuery(Guid Id) : IQuery<EmergencyRequestResponse>;

public sealed class GetEmergencyRequestHandler(GrantHubDbContext db, Viewer viewer)
    : IQueryHandler<GetEmergencyRequestQuery, EmergencyRequestResponse>
{
    public async ValueTask<EmergencyRequestResponse> Handle(GetEmergencyRequestQuery query, CancellationToken cancellationToken)
    {
        var request = await db.EmergencyRequests.AsNoTracking().Include(r => r.Approvals).FindVisibleAsync(viewer, query.Id, cancellationToken);
        return await EmergencyRequestResponse.ForAsync(request, viewer, cancellationToken);
    }
}
