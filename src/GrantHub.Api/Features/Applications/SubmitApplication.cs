using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

public record SubmitApplicationCommand(Guid Id) : ICommand<ApplicationResponse>, IHasId;

/// <summary>
/// The lead submits. The call and the lead organisation are read inside the command's transaction and the
/// submission bumps their versions: on SQLite commands are serialized anyway; on SQL Server a concurrent
/// close of the call (or a due-diligence finding on the lead) and this submission conflict, and the loser is
/// retried against fresh data, so no application is ever submitted to a call that has already closed. The deadline is
/// judged at the request's arrival (<see cref="RequestArrival"/>): a submission that reached the server on time and
/// waited behind others is on time, as long as the call has not been closed meanwhile.
/// </summary>
public sealed class SubmitApplicationHandler(
    GrantHubDbContext db,
    Viewer user,
    TimeProvider clock,
    RequestArrival arrival,
    ApplicationNotifications notifications)
    : ICommandHandler<SubmitApplicationCommand, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(SubmitApplicationCommand command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FindForLeadAsync(user, command.Id, cancellationToken);
        var call = await db.Calls.SingleAsync(c => c.Id == application.CallId, cancellationToken);
        var lead = await db.Organisations.SingleAsync(o => o.Id == application.LeadOrganisationId, cancellationToken);
        var fiscalHost = application.FiscalHostOrganisationId is { } hostId
            ? await db.Organisations.SingleAsync(o => o.Id == hostId, cancellationToken)
            : null;

        application.Submit(call, lead, arrival.OrNow(clock), fiscalHost);
        await notifications.SubmittedAsync(application, call.Title, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(application, user, cancellationToken);
    }
}
