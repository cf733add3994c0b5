using GrantHub.Api.Infrastructure;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Calls;

public record PublishCallCommand(Guid Id) : ICommand<CallResponse>, IHasId;

public record CloseCallCommand(Guid Id) : ICommand<CallResponse>, IHasId;

/// <summary>Opening and closing a call by hand; each rule lives in <see cref="Call"/>.</summary>
public sealed class ChangeCallStatusHandler(GrantHubDbContext db, TimeProvider clock)
    : ICommandHandler<PublishCallCommand, CallResponse>,
        ICommandHandler<CloseCallCommand, CallResponse>
{
    public ValueTask<CallResponse> Handle(PublishCallCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(command.Id, call => call.Publish(clock.GetUtcNow()), cancellationToken);

    public ValueTask<CallResponse> Handle(CloseCallCommand command, CancellationToken cancellationToken) =>
        ChangeAsync(command.Id, call => call.Close(clock.GetUtcNow()), cancellationToken);

    private async ValueTask<CallResponse> ChangeAsync(Guid id, Action<Call> change, CancellationToken cancellationToken)
    {
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException(nameof(Call), id);
        change(call);
        await db.SaveChangesAsync(cancellationToken);
        var currency = await db.Funds.Where(f => f.Id == call.FundId).Select(f => f.Currency).SingleAsync(cancellationToken);
        return CallResponse.From(call, currency);
    }
}
