using GrantHub.Api.Infrastructure;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

public record GetEmergencyRequestQuery(Guid Id) : IQuery<EmergencyRequestResponse>;

public sealed class GetEmergencyRequestHandler(GrantHubDbContext db, ICurrentUser user)
    : IQueryHandler<GetEmergencyRequestQuery, EmergencyRequestResponse>
{
    public async ValueTask<EmergencyRequestResponse> Handle(GetEmergencyRequestQuery query, CancellationToken cancellationToken)
    {
        var viewer = await EmergencyViewer.LoadAsync(db, user, cancellationToken);
        var request = viewer.Visible(
            await db.EmergencyRequests.AsNoTracking().Include(r => r.Approvals).FirstOrDefaultAsync(r => r.Id == query.Id, cancellationToken),
            query.Id);
        return EmergencyRequestResponse.For(request, viewer);
    }
}
