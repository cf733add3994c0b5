using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

/// <summary>An emergency payment; optionally as received: the amount in the currency received, the rate and the value date, all or none.</summary>
public record EmergencyPaymentInput(
    string PaymentReference,
    DateOnly PaidOn,
    decimal? ReceivedAmount = null,
    string? ReceivedCurrency = null,
    decimal? ExchangeRate = null,
    DateOnly? ValueDate = null);

public record RecordEmergencyPaymentCommand(
    Guid Id,
    string PaymentReference,
    DateOnly PaidOn,
    decimal? ReceivedAmount = null,
    string? ReceivedCurrency = null,
    decimal? ExchangeRate = null,
    DateOnly? ValueDate = null) : ICommand<EmergencyRequestResponse>, IHasId, IRecordsPaymentAsReceived
{
    DateOnly? IRecordsPaymentAsReceived.PaidOn => PaidOn;
}

public sealed class RecordEmergencyPaymentValidator : AbstractValidator<RecordEmergencyPaymentCommand>
{
    public RecordEmergencyPaymentValidator(GrantHubDbContext db, TimeProvider clock)
    {
        RuleFor(c => c.PaymentReference).NotEmpty().MaximumLength(EmergencyRequest.MaxPaymentReferenceLength);
        RuleFor(c => c.PaidOn)
            .Must(paidOn => paidOn <= clock.UtcToday())
            .WithMessage("A payment is recorded once made: the paid-on date (YYYY-MM-DD) cannot be in the future.")
            .DependentRules(() => RuleFor(c => c.PaidOn)
                .MustAsync(async (command, paidOn, cancellationToken) =>
                {
                    var submittedAt = await db.EmergencyRequests.Where(r => r.Id == command.Id)
                        .Select(r => (DateTimeOffset?)r.SubmittedAt)
                        .FirstOrDefaultAsync(cancellationToken);
                    return submittedAt is null || paidOn >= DateOnly.FromDateTime(submittedAt.Value.UtcDateTime);
                })
                .WithMessage("The paid-on date cannot be before the request was submitted."));
        Include(new PaymentAsReceivedValidator());
    }
}

/// <summary>
/// Finance records the money leaving the fund: only an Approved request, once (a recorded payment is final), and
/// never by whoever asked for or entered the request (maker-checker). An approver may pay.
/// </summary>
public sealed class RecordEmergencyPaymentHandler(
    GrantHubDbContext db,
    Viewer viewer,
    TimeProvider clock,
    EmergencyNotifications notifications) : ICommandHandler<RecordEmergencyPaymentCommand, EmergencyRequestResponse>
{
    public async ValueTask<EmergencyRequestResponse> Handle(RecordEmergencyPaymentCommand command, CancellationToken cancellationToken)
    {
        var request = await db.EmergencyRequests.Include(r => r.Approvals).FindToHandleMoneyAsync(viewer, command.Id, cancellationToken);
        var fund = await db.Funds.SingleAsync(f => f.Id == request.FundId, cancellationToken);
        request.RecordPayment(fund, viewer.RequiredId(), command.PaymentReference.Trim(), command.PaidOn, command.AsReceived(), clock.GetUtcNow());
        await notifications.PaidAsync(request, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await EmergencyRequestResponse.ForAsync(request, viewer, cancellationToken);
    }
}
