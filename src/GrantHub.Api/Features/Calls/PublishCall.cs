using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Calls;

public record PublishCallCommand(Guid Id) : ICommand<CallResponse>, IHasId;

/// <summary>A programme officer opens a draft call to applications; the rules live in <see cref="Call.Publish"/>.</summary>
public sealed class PublishCallHandler(GrantHubDbContext db, TimeProvider clock) : ICommandHandler<PublishCallCommand, CallResponse>
{
    public async ValueTask<CallResponse> Handle(PublishCallCommand command, CancellationToken cancellationToken)
    {
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Call), command.Id);
        call.Publish(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.CallResponseAsync(call, cancellationToken);
    }
}
