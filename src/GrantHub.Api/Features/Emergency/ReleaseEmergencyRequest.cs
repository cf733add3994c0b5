using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

public record EmergencyReleaseInput(string Reason);

/// <summary>The reason may describe the organisation's situation (e.g. unreachable after a raid): never audited.</summary>
public record ReleaseEmergencyRequestCommand(Guid Id, [property: SensitiveData] string Reason)
    : ICommand<EmergencyRequestResponse>, IHasId;

public sealed class ReleaseEmergencyRequestValidator : AbstractValidator<ReleaseEmergencyRequestCommand>
{
    public ReleaseEmergencyRequestValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the approved money will not be paid; the organisation reads it.")
            .MaximumLength(EmergencyRequest.MaxReasonLength);
}

/// <summary>
/// Finance gives an approved but unpaid request's money back to the fund, in the same transaction as the status
/// change, and tells the organisation's members and the officer who entered the request.
/// </summary>
public sealed class ReleaseEmergencyRequestHandler(
    GrantHubDbContext db,
    Viewer viewer,
    TimeProvider clock,
    EmergencyNotifications notifications) : ICommandHandler<ReleaseEmergencyRequestCommand, EmergencyRequestResponse>
{
    public async ValueTask<EmergencyRequestResponse> Handle(ReleaseEmergencyRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await db.EmergencyRequests.Include(r => r.Approvals).FindToHandleMoneyAsync(viewer, command.Id, cancellationToken);
        var fund = await db.Funds.SingleAsync(f => f.Id == request.FundId, cancellationToken);
        request.Release(fund, viewer.RequiredId(), command.Reason.Trim(), clock.GetUtcNow());
        await notifications.ReleasedAsync(request, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await EmergencyRequestResponse.ForAsync(request, viewer, cancellationToken);
    }
}
