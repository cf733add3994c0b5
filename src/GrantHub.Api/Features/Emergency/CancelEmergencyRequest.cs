using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

public record CancelEmergencyRequestCommand(Guid Id) : ICommand<EmergencyRequestResponse>, IHasId;

/// <summary>The requesting side (the organisation's members, or the officer who entered it) withdraws a request before it is decided.</summary>
public sealed class CancelEmergencyRequestHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock)
    : ICommandHandler<CancelEmergencyRequestCommand, EmergencyRequestResponse>
{
    public async ValueTask<EmergencyRequestResponse> Handle(CancelEmergencyRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await db.EmergencyRequests.Include(r => r.Approvals).FindVisibleAsync(viewer, command.Id, cancellationToken);
        if (!await viewer.IsRequestingSideAsync(request, cancellationToken))
        {
            throw new ForbiddenException("Only the requesting organisation or the officer who entered the request can cancel it.");
        }

        request.Cancel(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await EmergencyRequestResponse.ForAsync(request, viewer, cancellationToken);
    }
}
