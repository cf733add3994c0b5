using GrantHub.Api.Infrastructure;
using Mediator;

namespace GrantHub.Api.Features.Decisions;

public static class DecisionEndpoints
{
    public static void MapDecisionEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/calls").WithTags("Decisions").WithProblemResponses()
            .MapGet("/{id:guid}/ranking", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetCallRankingQuery(id), ct))
            .RequireAuthorization(Policies.AdminOrProgrammeOfficer)
            .WithSummary("Rank the call's undecided applications by mean review score, with the running total against the fund's available money (ProgrammeOfficer, Admin)");

        routes.MapGroup("/api/applications").WithTags("Decisions").WithProblemResponses()
            .MapPost("/{id:guid}/decision", (Guid id, DecideApplicationRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(DecideApplicationCommand.From(id, request), ct))
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Award (creating the grant and committing the money) or reject a submitted application of a closed call (ProgrammeOfficer)");
    }
}
