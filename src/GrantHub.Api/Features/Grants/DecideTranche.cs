using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

public record TrancheApprovalRequest(ApprovalDecision? Decision, string? Comment);

public record DecideTrancheCommand(Guid Id, int Number, ApprovalDecision? Decision, [property: SensitiveData] string? Comment) : ICommand<TrancheResponse>, IHasId;

public sealed class DecideTrancheValidator : AbstractValidator<DecideTrancheCommand>
{
    public DecideTrancheValidator()
    {
        RuleFor(c => c.Decision).NotNull().IsInEnum();
        RuleFor(c => c.Comment).MaximumLength(2000);
        RuleFor(c => c.Comment).NotEmpty().When(c => c.Decision == ApprovalDecision.Reject).WithMessage("Say why the payment is rejected.");
    }
}

/// <summary>
/// A finance officer approves or rejects a due tranche. Maker-checker: never the officer who awarded the grant, one
/// approval per officer, and two distinct approvals when the tranche is above the fund's approval threshold.
/// </summary>
public sealed class DecideTrancheHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock)
    : ICommandHandler<DecideTrancheCommand, TrancheResponse>
{
    public async ValueTask<TrancheResponse> Handle(DecideTrancheCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.WithDetails().FindToHandleMoneyAsync(viewer, command.Id, cancellationToken);
        var fund = await db.Funds.SingleAsync(f => f.Id == grant.FundId, cancellationToken);

        var tranche = grant.DecideTranche(
            command.Number, viewer.RequiredId(), command.Decision!.Value, command.Comment, fund, clock.UtcToday(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TrancheResponse.From(tranche, grant.Currency, fund, withApprovals: true);
    }
}
