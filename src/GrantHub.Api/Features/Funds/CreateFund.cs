using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Funds;
using Mediator;

namespace GrantHub.Api.Features.Funds;

public record CreateFundCommand(string Name, FundKind Kind, string Currency, decimal Budget, decimal ApprovalThreshold)
    : ICommand<FundResponse>;

public sealed class CreateFundValidator : AbstractValidator<CreateFundCommand>
{
    public CreateFundValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Currency).NotEmpty().IsCurrencyCode();
        RuleFor(c => c.Budget).GreaterThanOrEqualTo(0).FitsCurrency(c => c.Currency);
        RuleFor(c => c.ApprovalThreshold).GreaterThanOrEqualTo(0).FitsCurrency(c => c.Currency);
    }
}

public sealed class CreateFundHandler(GrantHubDbContext db, TimeProvider clock) : ICommandHandler<CreateFundCommand, FundResponse>
{
    public async ValueTask<FundResponse> Handle(CreateFundCommand command, CancellationToken cancellationToken)
    {
        var fund = new Fund(
            command.Name.Trim(),
            command.Kind,
            Money.Of(command.Budget, command.Currency),
            Money.Of(command.ApprovalThreshold, command.Currency),
            clock.GetUtcNow());
        db.Funds.Add(fund);
        await db.SaveChangesAsync(cancellationToken);
        return FundResponse.From(fund);
    }
}
