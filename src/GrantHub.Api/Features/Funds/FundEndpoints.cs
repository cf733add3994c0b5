using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using Mediator;

namespace GrantHub.Api.Features.Funds;

public static class FundEndpoints
{
    public static void MapFundEndpoints(this IEndpointRouteBuilder routes)
    {
        var funds = routes.MapGroup("/api/funds").WithTags("Funds").WithProblemResponses().RequireAuthorization();

        funds.MapPost("/", async (CreateFundCommand command, IMediator mediator, CancellationToken ct) =>
            {
                var fund = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/funds/{fund.Id}", fund);
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Create a fund (Admin)");

        funds.MapGetBuiltAtStart("/", (IMediator mediator, [AsParameters] ListFundsQuery query, CancellationToken ct) =>
                mediator.Send(query, ct))
            .WithSummary("List funds");

        funds.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetFundQuery(id), ct))
            .WithSummary("Get a fund with its budget, committed, disbursed and available amounts");

        funds.MapGet("/{id:guid}/history", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetFundHistoryQuery(id), ct))
            .RequireAuthorization(Policies.AdminProgrammeOrFinance)
            .WithSummary("A fund's figures with every top-up, commitment, release and payment behind them, newest first (staff)");

        funds.MapPost("/{id:guid}/top-ups", (Guid id, TopUpFundRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new TopUpFundCommand(id, request.Amount, request.Note), ct))
            .RequireAuthorization(Policies.AdminOrFinance)
            .WithSummary("Add money to a fund's budget (Admin or FinanceOfficer)");
    }
}
