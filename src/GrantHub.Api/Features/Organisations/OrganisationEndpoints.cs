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

        organisations.MapGetBuiltAtStart("/", (IMediator mediator, [AsParameters] ListOrganisationsQuery query, CancellationToken ct) =>
                mediator.Send(query, ct))
            .WithSummary("List organisations: your own, or all for overseeing staff; ordered by name");

        organisations.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetOrganisationQuery(id), ct))
            .WithSummary("Get an organisation (its members and overseeing staff)");

        organisations.MapPut("/{id:guid}", (Guid id, UpdateOrganisationRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(UpdateOrganisationCommand.From(id, request), ct))
            .WithSummary("Edit the profile (owners only); send the version you read: a changed organisation answers 409 organisation-changed");

        organisations.MapPost("/{id:guid}/hide", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new HideOrganisationCommand(id), ct))
            .WithSummary("Panic switch (an owner or a programme officer): mark at risk, hide the name, e-mails carry only a link, members signed out");

        organisations.MapPost("/{id:guid}/reveal", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RevealOrganisationCommand(id), ct))
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("End the hiding of an organisation (ProgrammeOfficer); it stays marked at risk");

        organisations.MapPost("/{id:guid}/invitations", async (Guid id, InviteMemberRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var invitation = await mediator.Send(new InviteMemberCommand(id, request.Email, request.Role), ct);
                return TypedResults.Created($"/api/organisations/{id}/invitations/{invitation.Id}", invitation);
            })
            .WithSummary("Invite an e-mail address as Owner or Member (owners only); the same answer whether or not it has an account");

        organisations.MapGet("/{id:guid}/invitations", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListOrganisationInvitationsQuery(id), ct))
            .WithSummary("The invitations still waiting for an answer, oldest first (owners only)");

        organisations.MapDelete("/{id:guid}/invitations/{invitationId:guid}", (Guid id, Guid invitationId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RevokeInvitationCommand(id, invitationId), ct))
            .WithSummary("Revoke a pending invitation (owners only)");

        var myInvitations = routes.MapGroup("/api/me/invitations").WithTags("Organisations").WithProblemResponses().RequireAuthorization();

        myInvitations.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListMyInvitationsQuery(), ct))
            .WithSummary("Your pending invitations to join organisations (matched by your account's e-mail)");

        myInvitations.MapPost("/{id:guid}/accept", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new AcceptInvitationCommand(id), ct))
            .WithSummary("Accept an invitation and join the organisation (not for staff accounts)");

        myInvitations.MapPost("/{id:guid}/decline", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new DeclineInvitationCommand(id), ct))
            .WithSummary("Decline an invitation");

        organisations.MapPost("/{id:guid}/due-diligence", (Guid id, RecordDueDiligenceRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RecordDueDiligenceCommand(id, request.Status, request.Note), ct))
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Record the due-diligence status of an organisation (ProgrammeOfficer)");
    }
}
