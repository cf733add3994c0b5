using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

public record GetEmergencyRequestQuery(Guid Id) : IQuery<EmergencyRequestResponse>;

public sealed class GetEmergencyRequestHandler(GrantHubDbContext db, Viewer user)
    : IQueryHandler<GetEmergencyRequestQuery, EmergencyRequestResponse>
{
    public async ValueTask<EmergencyRequestResponse> Handle(GetEmergencyRequestQuery query, CancellationToken cancellationToken)
    {
        var viewer = await EmergencyViewer.LoadAsync(user, cancellationToken);
        var request = await viewer.FindAsync(db.EmergencyRequests.AsNoTracking(), query.Id, cancellationToken);
        return EmergencyRequestResponse.For(request, viewer);
    }
}
