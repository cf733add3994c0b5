using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Calls;

public record CloseCallCommand(Guid Id) : ICommand<CallResponse>, IHasId;

/// <summary>A programme officer closes an open call before its closing time; the rules live in <see cref="Call.Close"/>.</summary>
public sealed class CloseCallHandler(GrantHubDbContext db, TimeProvider clock) : ICommandHandler<CloseCallCommand, CallResponse>
{
    public async ValueTask<CallResponse> Handle(CloseCallCommand command, CancellationToken cancellationToken)
    {
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Call), command.Id);
        call.Close(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.CallResponseAsync(call, cancellationToken);
    }
}
