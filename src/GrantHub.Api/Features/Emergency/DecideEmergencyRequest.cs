using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.Emergency;

public record EmergencyDecisionInput(ApprovalDecision Decision, string? Comment);

/// <summary>The comment may describe threats or their sources: never audited.</summary>
public record DecideEmergencyRequestCommand(Guid Id, ApprovalDecision Decision, [property: SensitiveData] string? Comment)
    : ICommand<EmergencyRequestResponse>, IHasId;

public sealed class DecideEmergencyRequestValidator : AbstractValidator<DecideEmergencyRequestCommand>
{
    public DecideEmergencyRequestValidator()
    {
        RuleFor(c => c.Decision).IsInEnum();
        RuleFor(c => c.Comment).MaximumLength(EmergencyRequest.MaxReasonLength);
        RuleFor(c => c.Comment).NotEmpty().When(c => c.Decision == ApprovalDecision.Reject)
            .WithMessage("A rejection needs a reason the organisation can read.");
    }
}

/// <summary>
/// A finance officer approves or rejects. The last approval needed commits the amount against the fund in the
/// same transaction, within the organisation's rolling 12-month limit; a single rejection decides.
/// </summary>
public sealed class DecideEmergencyRequestHandler(
    GrantHubDbContext db,
    Viewer viewer,
    TimeProvider clock,
    IOptions<EmergencyOptions> options,
    EmergencyNotifications notifications) : ICommandHandler<DecideEmergencyRequestCommand, EmergencyRequestResponse>
{
    public async ValueTask<EmergencyRequestResponse> Handle(DecideEmergencyRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await db.EmergencyRequests.Include(r => r.Approvals).FindToHandleMoneyAsync(viewer, command.Id, cancellationToken);
        var now = clock.GetUtcNow();

        if (command.Decision == ApprovalDecision.Reject)
        {
            request.Reject(viewer.RequiredId(), command.Comment!.Trim(), now);
        }
        else
        {
            var fund = await db.Funds.SingleAsync(f => f.Id == request.FundId, cancellationToken);
            request.Approve(fund, viewer.RequiredId(), command.Comment?.Trim(), await AllowanceAsync(request, now, cancellationToken), now);
        }
        if (request.DecidedAt is not null)
        {
            await notifications.DecidedAsync(request, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await EmergencyRequestResponse.ForAsync(request, viewer, cancellationToken);
    }

    private async Task<OrganisationAllowance> AllowanceAsync(EmergencyRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var windowStart = now.AddYears(-1);
        var alreadyApprovedMinorUnits = await db.EmergencyRequests
            .Where(r => r.OrganisationId == request.OrganisationId
                && r.Currency == request.Currency
                && (r.Status == EmergencyRequestStatus.Approved || r.Status == EmergencyRequestStatus.Paid)
                && r.DecidedAt > windowStart)
            .SumAsync(r => r.Amount.MinorUnits, cancellationToken);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == request.OrganisationId, cancellationToken);
        return new OrganisationAllowance(organisation, options.Value.LimitFor(request.Currency), new Money(alreadyApprovedMinorUnits, request.Currency));
    }
}
