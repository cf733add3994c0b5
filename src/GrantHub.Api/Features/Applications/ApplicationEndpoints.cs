using GrantHub.Api.Infrastructure.Uploads;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Features.Applications;

/// <summary>Every route under <c>/api/applications</c>; each use case is the file named after its command.</summary>
public static class ApplicationEndpoints
{
    public static void MapApplicationEndpoints(this IEndpointRouteBuilder routes)
    {
        var applications = routes.MapGroup("/api/applications").WithTags("Applications").WithProblemResponses().RequireAuthorization();

        applications.MapPost("/", async (CreateApplicationCommand command, IMediator mediator, CancellationToken ct) =>
            {
                var application = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/applications/{application.Id}", application);
            })
            .WithSummary("Start a draft application to an open call, led by one of your organisations");

        applications.MapPut("/{id:guid}", (Guid id, UpdateApplicationRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(UpdateApplicationCommand.From(id, request), ct))
            .WithSummary("Edit a draft's narrative (lead organisation members)");

        applications.MapPut("/{id:guid}/budget", (Guid id, SetApplicationBudgetRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SetApplicationBudgetCommand(id, request.Lines), ct))
            .WithSummary("Replace a draft's budget: one line per member organisation per grant year (lead organisation members)");

        applications.MapPost("/{id:guid}/partners", (Guid id, InvitePartnerRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new InvitePartnerCommand(id, request.OrganisationId), ct))
            .WithSummary("Invite an organisation as a partner (lead organisation members)");

        applications.MapDelete("/{id:guid}/partners/{organisationId:guid}", (Guid id, Guid organisationId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RemovePartnerCommand(id, organisationId), ct))
            .WithSummary("Remove a partner and its budget lines (lead organisation members)");

        applications.MapPost(
                "/{id:guid}/partners/{organisationId:guid}/confirm",
                (Guid id, Guid organisationId, ConfirmPartnershipRequest? request, IMediator mediator, CancellationToken ct) =>
                    mediator.Send(new ConfirmPartnershipCommand(id, organisationId, request?.BudgetFingerprint), ct))
            .WithSummary("Confirm your organisation's partnership and its share of the budget; name the budgetFingerprint you read to be refused (409 budget-changed-since-seen) if it changed since (partner organisation members)");

        applications.MapPost("/{id:guid}/partners/{organisationId:guid}/decline", (Guid id, Guid organisationId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new DeclinePartnershipCommand(id, organisationId), ct))
            .WithSummary("Decline, or leave, the consortium (partner organisation members)");

        applications.MapPut("/{id:guid}/fiscal-host", (Guid id, NameFiscalHostRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new NameFiscalHostCommand(id, request.OrganisationId, request.FeePercent), ct))
            .WithSummary("Name the registered organisation that receives and passes on the grant of an unregistered lead, and its fee (0-15 %); its owners are asked to consent (lead organisation members)");

        applications.MapDelete("/{id:guid}/fiscal-host", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RemoveFiscalHostCommand(id), ct))
            .WithSummary("Apply without a fiscal host (lead organisation members)");

        applications.MapGet("/{id:guid}/fiscal-host", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetFiscalHostRequestQuery(id), ct))
            .WithSummary("What the fiscal host is asked to consent to, and its answer (the host's members, and those who may read the application)");

        applications.MapPost("/{id:guid}/fiscal-host/consent", (Guid id, ConsentAsFiscalHostRequest? request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ConsentAsFiscalHostCommand(id, request?.FeePercent), ct))
            .WithSummary("Consent to act as fiscal host for the fee named; with feePercent, a fee changed since is refused (409 fiscal-host-terms-changed) (the host's owners)");

        applications.MapPost("/{id:guid}/fiscal-host/decline", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new DeclineAsFiscalHostCommand(id), ct))
            .WithSummary("Decline to act as fiscal host (the host's owners)");

        applications.MapGet("/{id:guid}/checklist", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetSubmissionChecklistQuery(id), ct))
            .WithSummary("The submission rules a draft still fails, each with its rule name (lead organisation members)");
        applications.MapPost("/{id:guid}/submit", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SubmitApplicationCommand(id), ct))
            .WithSummary("Submit the application; every submission rule answers with its own 409 (lead organisation members)");

        applications.MapPost("/{id:guid}/withdraw", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new WithdrawApplicationCommand(id), ct))
            .WithSummary("Withdraw a draft or submitted application before the call closes (lead organisation members)");

        // Reviewing and deciding keep their own OpenAPI tags, as before.
        var reviewing = routes.MapGroup("/api/applications").WithTags("Reviews").WithProblemResponses();
        reviewing.MapPost("/{id:guid}/reviewers", async (Guid id, AssignReviewerRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var assignment = await mediator.Send(new AssignReviewerCommand(id, request.ReviewerUserId, request.DueAt), ct);
                return TypedResults.Created($"/api/reviews/{assignment.Id}", assignment);
            })
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Assign a reviewer who belongs to none of the consortium's organisations; the application goes under review (ProgrammeOfficer)");

        reviewing.MapGet("/{id:guid}/eligible-reviewers", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListEligibleReviewersQuery(id), ct))
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("The reviewers still assignable to an application: not yet assigned and members of none of its consortium's organisations (ProgrammeOfficer)");

        reviewing.MapGet("/{id:guid}/reviews", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListApplicationReviewsQuery(id), ct))
            .RequireAuthorization(Policies.AdminOrProgrammeOfficer)
            .WithSummary("Every assignment of an application with declarations, scores and weighted scores (ProgrammeOfficer, Admin)");

        reviewing.MapPost("/{id:guid}/information-requests", async (Guid id, AskForInformationRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var asked = await mediator.Send(new AskForInformationCommand(id, request.Question, request.AnswerBy), ct);
                return TypedResults.Created($"/api/applications/{id}/information-requests", asked);
            })
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Ask the consortium of a submitted or under-review application for more information, answered by a day after today; the decision waits (ProgrammeOfficer)");

        reviewing.MapGet("/{id:guid}/information-requests", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListInformationRequestsQuery(id), ct))
            .RequireAuthorization()
            .WithSummary("The officer's questions to the consortium and their answers (whoever reads the application)");

        reviewing.MapPostBuiltAtStart(
                "/{id:guid}/information-requests/{requestId:guid}/answer",
                async (Guid id, Guid requestId, [FromForm] string? answer, IFormFile? attachment, IMediator mediator, CancellationToken ct) =>
                    await mediator.Send(new AnswerInformationRequestCommand(id, requestId, answer, await UploadedFile.FromFormAsync(attachment, ct)), ct))
            .TakesFileUpload()
            .WithSummary("Answer the officer's question: multipart form with `answer` and an optional `attachment` (PDF, Word, audio or video, checked by content) (owners of the lead organisation)");

        reviewing.MapGet("/{id:guid}/information-requests/{requestId:guid}/attachment", async (Guid id, Guid requestId, IMediator mediator, HttpContext context, CancellationToken ct) =>
                (await mediator.Send(new GetInformationAttachmentQuery(id, requestId), ct)).ToResult(context))
            .RequireAuthorization()
            .WithSummary("Download the file attached to an answer, always as an attachment (whoever reads the application)");

        var deciding = routes.MapGroup("/api/applications").WithTags("Decisions").WithProblemResponses();
        deciding.MapPost("/{id:guid}/decision", (Guid id, DecideApplicationRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(DecideApplicationCommand.From(id, request), ct))
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Award (creating the grant and committing the money) or reject a submitted application of a closed call (ProgrammeOfficer)");

        applications.MapGetBuiltAtStart("/", (IMediator mediator, [AsParameters] ListApplicationsQuery query, CancellationToken ct) =>
                mediator.Send(query, ct))
            .WithSummary("List the applications you may read, filtered by call and status, newest submission (or creation) first");

        applications.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetApplicationQuery(id), ct))
            .WithSummary("Get an application (consortium members and overseeing staff)");
    }
}
