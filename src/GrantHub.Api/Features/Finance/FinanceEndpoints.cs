using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using Mediator;

namespace GrantHub.Api.Features.Finance;

public static class FinanceEndpoints
{
    public static void MapFinanceEndpoints(this IEndpointRouteBuilder routes)
    {
        var finance = routes.MapGroup("/api/finance").WithTags("Finance").WithProblemResponses().RequireAuthorization();

        finance.MapGet("/queue", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetFinanceQueueQuery(), ct))
            .RequireAuthorization(Policies.FinanceOfficer)
            .WithSummary("Tranches and emergency requests awaiting a decision or a payment, each with what this officer may not do and why (FinanceOfficer)");

        finance.MapGet("/payments", (DateOnly? from, DateOnly? to, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListPaymentsQuery(from, to), ct))
            .RequireAuthorization(Policies.AdminOrFinance)
            .WithSummary("Payments recorded in a period (?from=YYYY-MM-DD&to=YYYY-MM-DD), at-risk payees by pseudonym (Admin or FinanceOfficer)");

        finance.MapGet("/promise", (DateOnly? from, DateOnly? to, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetPromiseDashboardQuery(from, to), ct))
            .RequireAuthorization(Policies.AdminProgrammeOrFinance)
            .WithSummary("The decision promise by month and by fund: decision times (median, 90th percentile), breaches, escalations (staff)");

        finance.MapGet("/payments.csv", async (DateOnly? from, DateOnly? to, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var payments = await mediator.Send(new ListPaymentsQuery(from, to), ct);
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(payments.ToCsv(), PaymentsResponse.ContentType, payments.FileName);
            })
            .RequireAuthorization(Policies.AdminOrFinance)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("The same payments as CSV for accounting: UTF-8 with a byte-order mark, header row (Admin or FinanceOfficer)");
    }
}
