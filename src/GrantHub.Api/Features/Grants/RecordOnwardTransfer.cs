using FluentValidation;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

public record RecordOnwardTransferRequest(int? TrancheNumber, Guid? PartnerOrganisationId, decimal? Amount, DateOnly? TransferredOn, string? Reference);

public record RecordOnwardTransferCommand(Guid Id, int? TrancheNumber, Guid? PartnerOrganisationId, decimal? Amount, DateOnly? TransferredOn, string? Reference)
    : ICommand<OnwardTransferResponse>, IHasId
{
    public static RecordOnwardTransferCommand From(Guid id, RecordOnwardTransferRequest request) =>
        new(id, request.TrancheNumber, request.PartnerOrganisationId, request.Amount, request.TransferredOn, request.Reference);
}

public sealed class RecordOnwardTransferValidator : AbstractValidator<RecordOnwardTransferCommand>
{
    public RecordOnwardTransferValidator(GrantHubDbContext db, TimeProvider clock)
    {
        RuleFor(c => c.TrancheNumber).NotNull().GreaterThan(0);
        RuleFor(c => c.PartnerOrganisationId).NotNull().NotEqual(Guid.Empty);
        RuleFor(c => c.Amount).NotNull().GreaterThan(0).WithMessage("The amount must be greater than zero.").FitsCurrency((command, cancellationToken) =>
            db.Grants.Where(g => g.Id == command.Id).Select(g => g.Currency).FirstOrDefaultAsync(cancellationToken));
        RuleFor(c => c.TransferredOn).NotNull()
            .Must(on => on <= clock.UtcToday()).WithMessage("A transfer cannot be recorded for a future date.");
        RuleFor(c => c.Reference).NotEmpty().MaximumLength(100);
    }
}

/// <summary>
/// A member (owner or not) of the lead organisation records that it passed part of a paid tranche on to a partner;
/// the partner's members are asked to confirm receipt. Other consortium members and staff see the grant but may not
/// record (403); anyone else gets 404.
/// </summary>
public sealed class RecordOnwardTransferHandler(GrantHubDbContext db, Viewer viewer, Notifier notifier, TimeProvider clock)
    : ICommandHandler<RecordOnwardTransferCommand, OnwardTransferResponse>
{
    public async ValueTask<OnwardTransferResponse> Handle(RecordOnwardTransferCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.WithDetails().FindForLeadAsync(viewer, command.Id, "Only the lead organisation records the transfers it makes to its partners.", cancellationToken);

        var transfer = grant.RecordOnwardTransfer(
            command.TrancheNumber!.Value,
            command.PartnerOrganisationId!.Value,
            Money.Of(command.Amount!.Value, grant.Currency),
            command.TransferredOn!.Value,
            command.Reference!.Trim(),
            viewer.RequiredId(),
            clock.UtcToday(),
            clock.GetUtcNow());

        var partnerMembers = await db.OrganisationMembers
            .Where(m => m.OrganisationId == transfer.PartnerOrganisationId).Select(m => m.UserId).ToListAsync(cancellationToken);
        await notifier.NotifyAsync(
            partnerMembers,
            new NotificationMessage(
                "onward-transfer-recorded",
                new NotificationText("onward-transfer-recorded.Subject", grant.GrantNumber, transfer.TrancheNumber),
                new NotificationText(
                    "onward-transfer-recorded.Body",
                    NotificationAmount.Of(transfer.Amount),
                    transfer.TrancheNumber,
                    grant.GrantNumber,
                    transfer.TransferredOn,
                    transfer.Reference),
                $"/grants/{grant.Id}"),
            $"onward-transfer-recorded:{transfer.Id:N}",
            cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return OnwardTransferResponse.From(transfer);
    }
}
