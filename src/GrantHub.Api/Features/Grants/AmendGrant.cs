using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Funds;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

public record AmendGrantRequest(AmendmentKind? Kind, DateOnly? NewEndDate, decimal? Amount, string Reason);

public record AmendGrantCommand(Guid Id, AmendmentKind? Kind, DateOnly? NewEndDate, decimal? Amount, [property: SensitiveData] string Reason)
    : ICommand<GrantAmendmentResponse>, IHasId;

public sealed class AmendGrantValidator : AbstractValidator<AmendGrantCommand>
{
    public AmendGrantValidator(GrantHubDbContext db)
    {
        RuleFor(c => c.Kind).NotNull().IsInEnum();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
        When(c => c.Kind == AmendmentKind.NoCostExtension, () =>
        {
            RuleFor(c => c.NewEndDate).NotNull().WithMessage("A no-cost extension needs the new end date.");
            RuleFor(c => c.Amount).Null().WithMessage("A no-cost extension adds no money.");
        });
        When(c => c.Kind == AmendmentKind.TopUp, () =>
        {
            RuleFor(c => c.NewEndDate).Null().WithMessage("A top-up does not change the end date; record an extension separately.");
            RuleFor(c => c.Amount).NotNull().GreaterThan(0).WithMessage("The amount must be greater than zero.").FitsCurrency((command, cancellationToken) =>
                db.Grants.Where(g => g.Id == command.Id).Select(g => g.Currency).FirstOrDefaultAsync(cancellationToken));
        });
    }
}

/// <summary>
/// Records a no-cost extension or a top-up and issues the agreement version that includes it. A top-up is committed
/// against the fund in the same transaction (so it fails, changing nothing, when the fund lacks the money); its
/// tranche becomes payable once the lead organisation signs the new version.
/// </summary>
public sealed class AmendGrantHandler(GrantHubDbContext db, Viewer viewer, AgreementIssuer issuer, TimeProvider clock)
    : ICommandHandler<AmendGrantCommand, GrantAmendmentResponse>
{
    public async ValueTask<GrantAmendmentResponse> Handle(AmendGrantCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.WithDetails().FindVisibleAsync(viewer, command.Id, cancellationToken);
        var officer = viewer.RequiredId();
        var now = clock.GetUtcNow();

        GrantAmendment amendment;
        if (command.Kind == AmendmentKind.TopUp)
        {
            var fund = await db.Funds.FirstOrDefaultAsync(f => f.Id == grant.FundId, cancellationToken)
                ?? throw new NotFoundException(nameof(Fund), grant.FundId);
            var amount = Money.Of(command.Amount!.Value, grant.Currency);
            amendment = grant.TopUp(amount, command.Reason.Trim(), officer, clock.UtcToday(), now);
            fund.Commit(amount);
        }
        else
        {
            amendment = grant.Extend(command.NewEndDate!.Value, command.Reason.Trim(), officer, now);
        }

        await issuer.IssueAsync(grant, officer, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return GrantAmendmentResponse.From(amendment, grant.Currency);
    }
}
