using FluentValidation;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Calls;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Calls;

public record CreateCallCommand(CallInput Call) : ICommand<CallResponse>;

public sealed class CreateCallValidator : AbstractValidator<CreateCallCommand>
{
    public CreateCallValidator(GrantHubDbContext db) =>
        RuleFor(c => c.Call).NotNull().SetValidator(new CallInputValidator(db)).OverridePropertyName(string.Empty);
}

public sealed class CreateCallHandler(GrantHubDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CreateCallCommand, CallResponse>
{
    public async ValueTask<CallResponse> Handle(CreateCallCommand command, CancellationToken cancellationToken)
    {
        var currency = await db.Funds.Where(f => f.Id == command.Call.FundId).Select(f => f.Currency).SingleAsync(cancellationToken);
        var call = new Call(command.Call.ToTerms(currency), user.RequiredId(), clock.GetUtcNow());
        db.Calls.Add(call);
        await db.SaveChangesAsync(cancellationToken);
        return CallResponse.From(call, currency);
    }
}
