using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using Mediator;

namespace GrantHub.Api.Features.Users;

public static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/me", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetMeQuery(), ct))
            .RequireAuthorization()
            .WithTags("Users")
            .WithSummary("The signed-in user, with roles and organisations");

        routes.MapGet("/api/me/queue", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetOfficerQueueQuery(), ct))
            .RequireAuthorization(Policies.AdminOrProgrammeOfficer)
            .WithTags("Users")
            .WithSummary("What waits for the programme officers, oldest first, each with the page where it is done (ProgrammeOfficer, Admin)");

        var users = routes.MapGroup("/api/users").WithTags("Users").WithProblemResponses();

        users.MapPost("/", async (CreateStaffUserCommand command, IMediator mediator, CancellationToken ct) =>
            {
                var user = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/users/{user.Id}", user);
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Create a staff account (Admin)");

        users.MapGetBuiltAtStart("/", (IMediator mediator, [AsParameters] ListUsersQuery query, CancellationToken ct) => mediator.Send(query, ct))
            .RequireAuthorization(Policies.AdminOrProgrammeOfficer)
            .WithSummary("List accounts (Admin); programme officers list staff, e.g. ?role=Reviewer");

        users.MapPost("/{id:guid}/disable", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new DisableUserCommand(id), ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Disable an account: it cannot sign in and its tokens stop working at once (Admin; not her own)");

        users.MapPost("/{id:guid}/enable", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new EnableUserCommand(id), ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Let a disabled account sign in again (Admin)");

        users.MapPost("/{id:guid}/two-factor/reset", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ResetSecondFactorCommand(id), ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Take away an account's second factor (lost phone): its sessions end and it must enrol again (Admin; audited by id)");
    }
}
