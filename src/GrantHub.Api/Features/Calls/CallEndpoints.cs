using GrantHub.Api.Features.Applications;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using Mediator;

namespace GrantHub.Api.Features.Calls;

/// <summary>Every route under <c>/api/calls</c>; each use case is the file named after its command.</summary>
public static class CallEndpoints
{
    public static void MapCallEndpoints(this IEndpointRouteBuilder routes)
    {
        var calls = routes.MapGroup("/api/calls").WithTags("Calls").WithProblemResponses();

        calls.MapPost("/", async (CallInput call, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateCallCommand(call), ct);
                return TypedResults.Created($"/api/calls/{created.Id}", created);
            })
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Create a draft call for proposals (ProgrammeOfficer)");

        calls.MapPut("/{id:guid}", (Guid id, CallInput call, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new UpdateCallCommand(id, call), ct))
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Edit a draft call (ProgrammeOfficer)");

        calls.MapPost("/{id:guid}/publish", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new PublishCallCommand(id), ct))
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Open a draft call to applications (ProgrammeOfficer)");

        calls.MapPost("/{id:guid}/close", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new CloseCallCommand(id), ct))
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Close an open call early (ProgrammeOfficer)");

        calls.MapPost("/{id:guid}/cancel", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new CancelCallCommand(id), ct))
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Cancel a draft or open call (ProgrammeOfficer)");

        routes.MapGroup("/api/calls").WithTags("Decisions").WithProblemResponses()
            .MapGet("/{id:guid}/ranking", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetCallRankingQuery(id), ct))
            .RequireAuthorization(Policies.AdminOrProgrammeOfficer)
            .WithSummary("Rank the call's undecided applications by mean review score, with the running total against the fund's available money (ProgrammeOfficer, Admin)");

        routes.MapGroup("/api/calls").WithTags("Applications").WithProblemResponses()
            .MapGetBuiltAtStart("/{callId:guid}/applications", (IMediator mediator, [AsParameters] ListCallApplicationsQuery query, CancellationToken ct) =>
                mediator.Send(query, ct))
            .RequireAuthorization(Policies.AdminOrProgrammeOfficer)
            .WithSummary("A call's applications for officers: filter by status, country, pillar, target group, women-led lead; sort by score or amount; paged (ProgrammeOfficer, Admin)");

        calls.MapGetBuiltAtStart("/", (IMediator mediator, [AsParameters] ListCallsQuery query, CancellationToken ct) =>
                mediator.Send(query, ct))
            .AllowAnonymous()
            .WithSummary("List calls: staff see all, everyone else only Open calls");

        calls.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetCallQuery(id), ct))
            .AllowAnonymous()
            .WithSummary("Get a call");
    }
}
