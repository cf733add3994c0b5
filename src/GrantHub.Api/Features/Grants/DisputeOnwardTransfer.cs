using FluentValidation;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;

namespace GrantHub.Api.Features.Grants;

public record DisputeOnwardTransferRequest(string? Reason);

public record DisputeOnwardTransferCommand(Guid Id, Guid TransferId, [property: SensitiveData] string? Reason) : ICommand<OnwardTransferResponse>, IHasId;

public sealed class DisputeOnwardTransferValidator : AbstractValidator<DisputeOnwardTransferCommand>
{
    public const int MaxReasonLength = 2000;

    public DisputeOnwardTransferValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say what is wrong with the transfer.").MaximumLength(MaxReasonLength);
}

/// <summary>
/// A member of the receiving partner disputes a transfer (not received, wrong amount...) with a reason. The grant's
/// programme officer (who awarded it) is told at once, and so are the lead's members, who may record a correcting transfer.
/// </summary>
public sealed class DisputeOnwardTransferHandler(GrantHubDbContext db, Viewer viewer, Notifier notifier, TimeProvider clock)
    : ICommandHandler<DisputeOnwardTransferCommand, OnwardTransferResponse>
{
    public async ValueTask<OnwardTransferResponse> Handle(DisputeOnwardTransferCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.WithDetails().FindVisibleAsync(viewer, command.Id, cancellationToken);
        await OnwardTransferAnswers.EnsureReceiverAsync(viewer, grant.FindOnwardTransfer(command.TransferId), cancellationToken);

        var transfer = grant.DisputeOnwardTransfer(command.TransferId, command.Reason!.Trim(), viewer.RequiredId(), clock.GetUtcNow());
        var subject = new NotificationText("onward-transfer-disputed.Subject", grant.GrantNumber, transfer.TrancheNumber);
        var link = $"/grants/{grant.Id}";
        var eventKey = $"onward-transfer-disputed:{transfer.Id:N}";
        await notifier.NotifyManyAsync(
            [
                new OutgoingNotification(
                    grant.AwardedBy,
                    new NotificationMessage(
                        "onward-transfer-disputed",
                        subject,
                        new NotificationText(
                            "onward-transfer-disputed.Body.Officer", NotificationAmount.Of(transfer.Amount), transfer.TrancheNumber, grant.GrantNumber, transfer.Reference, transfer.DisputeReason),
                        link),
                    eventKey),
                .. (await db.LeadMembersAsync(grant, cancellationToken)).Select(member => new OutgoingNotification(
                    member,
                    new NotificationMessage(
                        "onward-transfer-disputed",
                        subject,
                        new NotificationText(
                            "onward-transfer-disputed.Body.Lead", NotificationAmount.Of(transfer.Amount), transfer.TrancheNumber, grant.GrantNumber, transfer.Reference, transfer.DisputeReason),
                        link),
                    eventKey)),
            ],
            cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return OnwardTransferResponse.From(transfer);
    }
}
