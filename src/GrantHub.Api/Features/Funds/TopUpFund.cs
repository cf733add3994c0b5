using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Funds;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Funds;

public record TopUpFundRequest(decimal Amount, string? Note);

public record TopUpFundCommand(Guid Id, decimal Amount, string? Note) : ICommand<FundResponse>, IHasId;

public sealed class TopUpFundValidator : AbstractValidator<TopUpFundCommand>
{
    public TopUpFundValidator(GrantHubDbContext db)
    {
        RuleFor(c => c.Note).MaximumLength(1000);
        RuleFor(c => c.Amount).IsPositiveAmount().FitsCurrency((command, cancellationToken) =>
            db.Funds.Where(f => f.Id == command.Id).Select(f => f.Currency).FirstOrDefaultAsync(cancellationToken));
    }
}

public sealed class TopUpFundHandler(GrantHubDbContext db, TimeProvider clock, ICurrentUser user)
    : ICommandHandler<TopUpFundCommand, FundResponse>
{
    public async ValueTask<FundResponse> Handle(TopUpFundCommand command, CancellationToken cancellationToken)
    {
        var fund = await db.Funds.FirstOrDefaultAsync(f => f.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Fund), command.Id);
        var amount = Money.Of(command.Amount, fund.Currency);
        fund.TopUp(amount);
        db.FundTopUps.Add(new FundTopUp(fund.Id, amount, command.Note, user.RequiredId(), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return FundResponse.From(fund);
    }
}
