using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;

namespace GrantHub.Api.Features.Grants;

public record ConfirmOnwardTransferCommand(Guid Id, Guid TransferId) : ICommand<OnwardTransferResponse>, IHasId;

/// <summary>
/// A member of the receiving partner confirms the transfer arrived; once the partner's whole share of the tranche is
/// confirmed, it leaves the officer's outstanding list and no alert is made for it. The lead's members are told.
/// </summary>
public sealed class ConfirmOnwardTransferHandler(GrantHubDbContext db, Viewer viewer, Notifier notifier, TimeProvider clock)
    : ICommandHandler<ConfirmOnwardTransferCommand, OnwardTransferResponse>
{
    public async ValueTask<OnwardTransferResponse> Handle(ConfirmOnwardTransferCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.WithDetails().FindVisibleAsync(viewer, command.Id, cancellationToken);
        await OnwardTransferAnswers.EnsureReceiverAsync(viewer, grant.FindOnwardTransfer(command.TransferId), cancellationToken);

        var transfer = grant.ConfirmOnwardTransfer(command.TransferId, viewer.RequiredId(), clock.GetUtcNow());
        await notifier.NotifyAsync(
            await db.LeadMembersAsync(grant, cancellationToken),
            new NotificationMessage(
                "onward-transfer-confirmed",
                new NotificationText("onward-transfer-confirmed.Subject", grant.GrantNumber, transfer.TrancheNumber),
                new NotificationText("onward-transfer-confirmed.Body", NotificationAmount.Of(transfer.Amount), transfer.TrancheNumber, grant.GrantNumber, transfer.Reference),
                $"/grants/{grant.Id}"),
            $"onward-transfer-confirmed:{transfer.Id:N}",
            cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return OnwardTransferResponse.From(transfer);
    }
}

public static class OnwardTransferAnswers
{
    /// <summary>Only the receiving partner's members answer for a transfer (403 for the rest of the consortium and staff).</summary>
    public static async Task EnsureReceiverAsync(Viewer viewer, OnwardTransfer transfer, CancellationToken cancellationToken)
    {
        if (!await viewer.IsMemberOfAsync(transfer.PartnerOrganisationId, cancellationToken))
        {
            throw new ForbiddenException("Only the partner that received the transfer can confirm or dispute it.");
        }
    }
}
