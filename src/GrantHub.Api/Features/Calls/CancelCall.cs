using GrantHub.Api.Features.Applications;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Calls;

public record CancelCallCommand(Guid Id) : ICommand<CallResponse>, IHasId;

/// <summary>
/// Cancels a draft or open call. Applications already submitted would otherwise wait for ever (they can be
/// neither withdrawn from a cancelled call nor decided), so they are closed as not funded, and each consortium
/// is told why; drafts simply can no longer be submitted.
/// </summary>
public sealed class CancelCallHandler(GrantHubDbContext db, DecisionNotifications notifications, TimeProvider clock)
    : ICommandHandler<CancelCallCommand, CallResponse>
{
    public const string Feedback =
        "The fund cancelled this call, so no application to it will be funded. This says nothing about the merits of your proposal.";

    public async ValueTask<CallResponse> Handle(CancelCallCommand command, CancellationToken cancellationToken)
    {
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Call), command.Id);
        call.Cancel();

        var now = clock.GetUtcNow();
        var waiting = await db.Applications
            .Where(a => a.CallId == call.Id && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.UnderReview))
            .ToListAsync(cancellationToken);
        foreach (var application in waiting)
        {
            application.Reject(Feedback, now);
        }

        await notifications.CallCancelledAsync(waiting, call.Title, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return await db.CallResponseAsync(call, cancellationToken);
    }
}
