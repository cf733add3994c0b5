using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

public record WithdrawApplicationCommand(Guid Id) : ICommand<ApplicationResponse>, IHasId;

/// <summary>The lead withdraws a draft or a submitted application while the call is open; like submission, it conflicts with a concurrent close.</summary>
public sealed class WithdrawApplicationHandler(GrantHubDbContext db, Viewer user, TimeProvider clock)
    : ICommandHandler<WithdrawApplicationCommand, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(WithdrawApplicationCommand command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FindForLeadAsync(user, command.Id, cancellationToken);
        var call = await db.Calls.SingleAsync(c => c.Id == application.CallId, cancellationToken);

        application.Withdraw(call, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(application, user, cancellationToken);
    }
}
