using GrantHub.Api.Infrastructure;
using Mediator;

namespace GrantHub.Api.Features.Calls;

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

        calls.MapGet("/", (IMediator mediator, [AsParameters] ListCallsQuery query, CancellationToken ct) =>
                mediator.Send(query, ct))
            .AllowAnonymous()
            .WithSummary("List calls: staff see all, everyone else only Open calls");

        calls.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetCallQuery(id), ct))
            .AllowAnonymous()
            .WithSummary("Get a call");
    }
}
