using FluentValidation;
using GrantHub.Api.Infrastructure.Email;
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

/// <summary>A tranche payment; optionally as received: the amount in the currency received, the rate and the value date, all or none.</summary>
public record TranchePaymentRequest(
    string PaymentReference,
    DateOnly? PaidOn,
    decimal? ReceivedAmount = null,
    string? ReceivedCurrency = null,
    decimal? ExchangeRate = null,
    DateOnly? ValueDate = null);

public record RecordTranchePaymentCommand(
    Guid Id,
    int Number,
    string PaymentReference,
    DateOnly? PaidOn,
    decimal? ReceivedAmount = null,
    string? ReceivedCurrency = null,
    decimal? ExchangeRate = null,
    DateOnly? ValueDate = null) : ICommand<TrancheResponse>, IHasId, IRecordsPaymentAsReceived;

public sealed class RecordTranchePaymentValidator : AbstractValidator<RecordTranchePaymentCommand>
{
    public RecordTranchePaymentValidator(TimeProvider clock)
    {
        RuleFor(c => c.PaymentReference).NotEmpty().MaximumLength(100);
        RuleFor(c => c.PaidOn).NotNull()
            .Must(paidOn => paidOn <= clock.UtcToday()).WithMessage("A payment cannot be recorded for a future date.");
        Include(new PaymentAsReceivedValidator());
    }
}

/// <summary>
/// Records the bank payment of a fully approved tranche and moves its amount to the fund's disbursed. The grant and
/// the fund are versioned: of two concurrent payments of one tranche, exactly one is recorded and disbursed.
/// </summary>
public sealed class RecordTranchePaymentHandler(GrantHubDbContext db, Viewer viewer, Notifier notifier, TimeProvider clock)
    : ICommandHandler<RecordTranchePaymentCommand, TrancheResponse>
{
    public async ValueTask<TrancheResponse> Handle(RecordTranchePaymentCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.WithDetails().FindToHandleMoneyAsync(viewer, command.Id, cancellationToken);
        var fund = await db.Funds.FirstOrDefaultAsync(f => f.Id == grant.FundId, cancellationToken)
            ?? throw new NotFoundException(nameof(Fund), grant.FundId);

        var tranche = grant.RecordPayment(
            command.Number, command.PaymentReference.Trim(), command.PaidOn!.Value, command.AsReceived(), viewer.RequiredId(), clock.GetUtcNow());
        fund.Disburse(tranche.Amount);

        await notifier.NotifyAsync(
            await db.ConsortiumMembersAsync(grant, cancellationToken),
            new NotificationMessage(
                "grant-tranche-paid",
                new NotificationText("grant-tranche-paid.Subject", grant.GrantNumber, tranche.Number),
                new NotificationText(
                    "grant-tranche-paid.Body", tranche.Number, grant.GrantNumber, NotificationAmount.Of(tranche.Amount), command.PaidOn, tranche.PaymentReference),
                $"/grants/{grant.Id}"),
            $"grant-tranche-paid:{grant.Id}:{tranche.Number}",
            cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return TrancheResponse.From(tranche, fund, await db.ApproverNamesAsync([tranche], cancellationToken));
    }
}
