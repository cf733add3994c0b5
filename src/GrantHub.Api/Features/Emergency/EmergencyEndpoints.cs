using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Idempotency;
using GrantHub.Api.Infrastructure.Security;
using Mediator;

namespace GrantHub.Api.Features.Emergency;

public static class EmergencyEndpoints
{
    public static void MapEmergencyEndpoints(this IEndpointRouteBuilder routes)
    {
        var requests = routes.MapGroup("/api/emergency-requests").WithTags("Emergency requests").WithProblemResponses().RequireAuthorization();

        requests.MapPost("/", async (SubmitEmergencyRequestCommand command, IMediator mediator, CancellationToken ct) =>
            {
                var request = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/emergency-requests/{request.Id}", request);
            })
            .RequireIdempotencyKey<SubmitEmergencyRequestCommand>()
            .WithSummary("Ask a RapidResponse fund for emergency money (members for their organisation; programme officers on its behalf)");

        requests.MapGetBuiltAtStart("/", (IMediator mediator, [AsParameters] ListEmergencyRequestsQuery query, CancellationToken ct) =>
                mediator.Send(query, ct))
            .WithSummary("List emergency requests: finance, programme officers and admins see all, applicants their organisations'; reviewers none (403)");

        requests.MapGetBuiltAtStart("/metrics", (IMediator mediator, [AsParameters] GetEmergencyMetricsQuery query, CancellationToken ct) =>
                mediator.Send(query, ct))
            .RequireAuthorization(Policies.AdminProgrammeOrFinance)
            .WithSummary("How the 72-hour decision promise is kept (FinanceOfficer, ProgrammeOfficer or Admin)");

        requests.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetEmergencyRequestQuery(id), ct))
            .WithSummary("Get an emergency request");

        requests.MapPost("/{id:guid}/approvals", (Guid id, EmergencyDecisionInput decision, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new DecideEmergencyRequestCommand(id, decision.Decision, decision.Comment), ct))
            .RequireAuthorization(Policies.FinanceOfficer)
            .WithSummary("Approve or reject an emergency request (FinanceOfficer; never the requester)");

        requests.MapPost("/{id:guid}/payment", (Guid id, EmergencyPaymentInput payment, IMediator mediator, CancellationToken ct) =>
                mediator.Send(
                    new RecordEmergencyPaymentCommand(
                        id, payment.PaymentReference, payment.PaidOn, payment.ReceivedAmount, payment.ReceivedCurrency, payment.ExchangeRate, payment.ValueDate),
                    ct))
            .RequireAuthorization(Policies.FinanceOfficer)
            .WithSummary("Record the payment of an approved emergency request (FinanceOfficer; never the requester)");

        requests.MapPost("/{id:guid}/release", (Guid id, EmergencyReleaseInput release, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ReleaseEmergencyRequestCommand(id, release.Reason), ct))
            .RequireAuthorization(Policies.FinanceOfficer)
            .WithSummary("Give an approved, unpaid request's money back to the fund, with the reason (FinanceOfficer)");

        requests.MapGet("/{id:guid}/light-report", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetLightReportQuery(id), ct))
            .WithSummary("The light report on paid emergency money: due 60 days after the payment date, and what it says once sent");

        requests.MapPost("/{id:guid}/light-report", (Guid id, SubmitLightReportRequest report, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SubmitLightReportCommand(id, report.HowMoneyWasUsed, report.AnythingElse), ct))
            .WithSummary("Send the optional light report on paid emergency money: how it was used and anything else to tell (members of the organisation)");

        requests.MapPost("/{id:guid}/cancel", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new CancelEmergencyRequestCommand(id), ct))
            .WithSummary("Withdraw an undecided emergency request (its organisation, or the officer who entered it)");
    }
}
