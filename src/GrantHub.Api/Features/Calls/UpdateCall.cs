using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Calls;

public record UpdateCallCommand(Guid Id, CallInput Call) : ICommand<CallResponse>, IHasId;

public sealed class UpdateCallValidator : AbstractValidator<UpdateCallCommand>
{
    public UpdateCallValidator(GrantHubDbContext db) =>
        RuleFor(c => c.Call).NotNull().SetValidator(new CallInputValidator(db)).OverridePropertyName(string.Empty);
}

public sealed class UpdateCallHandler(GrantHubDbContext db) : ICommandHandler<UpdateCallCommand, CallResponse>
{
    public async ValueTask<CallResponse> Handle(UpdateCallCommand command, CancellationToken cancellationToken)
    {
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Call), command.Id);
        var currency = await db.Funds.Where(f => f.Id == command.Call.FundId).Select(f => f.Currency).SingleAsync(cancellationToken);
        call.Update(command.Call.ToTerms(currency));
        await db.SaveChangesAsync(cancellationToken);
        return CallResponse.From(call, currency);
    }
}
