using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using Mediator;

namespace GrantHub.Api.Features.Organisations;

public static class OrganisationEndpoints
{
    public static void MapOrganisationEndpoints(this IEndpointRouteBuilder routes)
    {
        var organisations = routes.MapGroup("/api/organisations").WithTags("Organisations").WithProblemResponses().RequireAuthorization();

        organisations.MapPost("/", async (CreateOrganisationCommand command, IMediator mediator, CancellationToken ct) =>
            {
                var organisation = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/organisations/{organisation.Id}", organisation);
            })
            .WithSummary("Register an organisation; you become its owner");

        organisations.MapGet("/", (IMediator mediator, [AsParameters] ListOrganisationsQuery query, CancellationToken ct) =>
                mediator.Send(query, ct))
            .WithSummary("List organisations: your own, or all for overseeing staff; ordered by name");

        organisations.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetOrganisationQuery(id), ct))
            .WithSummary("Get an organisation (its members and overseeing staff)");

        organisations.MapPost("/{id:guid}/members", (Guid id, AddOrganisationMemberRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new AddOrganisationMemberCommand(id, request.Email, request.Role), ct))
            .WithSummary("Add an existing account as Owner or Member (owners only)");

        organisations.MapPost("/{id:guid}/due-diligence", (Guid id, RecordDueDiligenceRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RecordDueDiligenceCommand(id, request.Status, request.Note), ct))
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Record the due-diligence status of an organisation (ProgrammeOfficer)");
    }
}
