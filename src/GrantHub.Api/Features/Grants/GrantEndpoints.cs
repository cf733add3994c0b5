using GrantHub.Api.Infrastructure.Uploads;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace GrantHub.Api.Features.Grants;

public static class GrantEndpoints
{
    public static void MapGrantEndpoints(this IEndpointRouteBuilder routes)
    {
        var grants = routes.MapGroup("/api/grants").WithTags("Grants").WithProblemResponses().RequireAuthorization();

        grants.MapGetBuiltAtStart("/", (IMediator mediator, [AsParameters] ListGrantsQuery query, CancellationToken ct) =>
                mediator.Send(query, ct))
            .WithSummary("List grants: staff see all, consortium members the grants of their organisations");

        grants.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetGrantQuery(id), ct))
            .WithSummary("Get a grant with its allocations, tranches, reports, amendments and agreement versions");

        grants.MapPost("/{id:guid}/agreement", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var version = await mediator.Send(new GenerateAgreementCommand(id), ct);
                return TypedResults.Created($"/api/grants/{id}/agreement?version={version.Version}", version);
            })
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Generate a new agreement version to sign (ProgrammeOfficer)");

        grants.MapGet("/{id:guid}/agreement", async (Guid id, int? version, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new GetAgreementQuery(id, version), ct);
                return TypedResults.File(file.Content, "application/pdf", file.FileName, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
            })
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "application/pdf")
            .WithSummary("Download the latest agreement version (or ?version=n) as PDF; the ETag is its SHA-256");

        grants.MapPost("/{id:guid}/agreement/sign", (Guid id, SignAgreementRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SignAgreementCommand(id, request.Sha256, request.OrganisationId), ct))
            .WithSummary("Sign the latest agreement version by naming its SHA-256: for organisationId (an owner of the lead or a partner) or, without it, for the funder (a programme officer who is no related party)");

        grants.MapGet("/{id:guid}/tranches", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListTranchesQuery(id), ct))
            .WithSummary("List a grant's tranches with their approval and payment details");

        grants.MapPost("/{id:guid}/tranches/{number:int}/approvals", (Guid id, int number, TrancheApprovalRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new DecideTrancheCommand(id, number, request.Decision, request.Comment), ct))
            .RequireAuthorization(Policies.FinanceOfficer)
            .WithSummary("Approve or reject a due tranche (FinanceOfficer; never the awarding officer)");

        grants.MapPost("/{id:guid}/tranches/{number:int}/payment", (Guid id, int number, TranchePaymentRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(
                    new RecordTranchePaymentCommand(
                        id, number, request.PaymentReference, request.PaidOn, request.ReceivedAmount, request.ReceivedCurrency, request.ExchangeRate, request.ValueDate),
                    ct))
            .RequireAuthorization(Policies.FinanceOfficer)
            .WithSummary("Record the payment of a fully approved tranche (FinanceOfficer)");

        grants.MapGet("/{id:guid}/transfers", (Guid id, bool? outstanding, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListOnwardTransfersQuery(id, outstanding), ct))
            .WithSummary("Each partner's share of each tranche paid to the lead: expected, recorded, confirmed, days overdue (?outstanding=true: not yet confirmed)");

        grants.MapPost("/{id:guid}/transfers", async (Guid id, RecordOnwardTransferRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var transfer = await mediator.Send(RecordOnwardTransferCommand.From(id, request), ct);
                return TypedResults.Created($"/api/grants/{id}/transfers", transfer);
            })
            .WithSummary("Record a transfer of a partner's share of a paid tranche (members of the lead organisation)");

        grants.MapPost("/{id:guid}/transfers/{transferId:guid}/confirm", (Guid id, Guid transferId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ConfirmOnwardTransferCommand(id, transferId), ct))
            .WithSummary("Confirm a transfer was received (members of the receiving partner)");

        grants.MapPost("/{id:guid}/transfers/{transferId:guid}/dispute", (Guid id, Guid transferId, DisputeOnwardTransferRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new DisputeOnwardTransferCommand(id, transferId, request.Reason), ct))
            .WithSummary("Dispute a transfer with a reason; the grant's programme officer is told (members of the receiving partner)");

        grants.MapPost("/{id:guid}/reports/{reportId:guid}/submit", (Guid id, Guid reportId, SubmitReportRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SubmitReportCommand(id, reportId, request.Narrative, request.SpentToDate, request.Achievements, request.Risks), ct))
            .WithSummary("Submit a report (members of the lead organisation)");

        grants.MapPostBuiltAtStart(
                "/{id:guid}/reports/{reportId:guid}/submit-file",
                async (Guid id, Guid reportId, IFormFile? file, [FromForm] string? otherDonorName, [FromForm] DateOnly? otherDonorCoversFrom,
                        [FromForm] DateOnly? otherDonorCoversTo, IMediator mediator, CancellationToken ct) =>
                    await mediator.Send(
                        new SubmitReportFileCommand(id, reportId, await UploadedFile.FromFormAsync(file, ct), otherDonorName, otherDonorCoversFrom, otherDonorCoversTo), ct))
            .TakesFileUpload()
            .WithSummary("Submit a report as a file (`file`: PDF, Word, audio or video, checked by content), or a report written for another donor " +
                "(`otherDonorName`, `otherDonorCoversFrom`, `otherDonorCoversTo` covering the report's grant year) (members of the lead organisation)");

        grants.MapPost("/{id:guid}/reports/{reportId:guid}/oral", (Guid id, Guid reportId, RecordOralReportRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RecordOralReportCommand(id, reportId, request.Note, request.GivenOn), ct))
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Record a report the consortium gave orally, as a note with the day it was given (ProgrammeOfficer)");

        grants.MapPost("/{id:guid}/reports/{reportId:guid}/waive", (Guid id, Guid reportId, WaiveReportRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new WaiveReportCommand(id, reportId, request.Reason), ct))
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Waive a report still awaited, with a reason; it counts as done for tranche conditions and closing (ProgrammeOfficer)");

        grants.MapGet("/{id:guid}/reports/{reportId:guid}/file", async (Guid id, Guid reportId, IMediator mediator, HttpContext context, CancellationToken ct) =>
                (await mediator.Send(new GetReportFileQuery(id, reportId), ct)).ToResult(context))
            .WithSummary("Download a report's file, always as an attachment (the grant's consortium; staff)");

        grants.MapGet("/{id:guid}/reports", (Guid id, ReportStatus? status, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListGrantReportsQuery(id, status), ct))
            .WithSummary("List a grant's reports with what was written in them, optionally of one status (the grant's consortium; staff)");

        grants.MapGet("/{id:guid}/reports/{reportId:guid}", (Guid id, Guid reportId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetGrantReportQuery(id, reportId), ct))
            .WithSummary("Read a report as submitted, with the officer's comment (the grant's consortium; staff)");

        grants.MapPost("/{id:guid}/reports/{reportId:guid}/review", (Guid id, Guid reportId, ReviewReportRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ReviewReportCommand(id, reportId, request.Outcome, request.Comment), ct))
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Accept a submitted report or request changes (ProgrammeOfficer)");

        grants.MapPost("/{id:guid}/amendments", async (Guid id, AmendGrantRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var amendment = await mediator.Send(new AmendGrantCommand(id, request.Kind, request.NewEndDate, request.Amount, request.Reason), ct);
                return TypedResults.Created($"/api/grants/{id}", amendment);
            })
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Record a no-cost extension or a top-up; issues a new agreement version to sign (ProgrammeOfficer)");

        grants.MapPost("/{id:guid}/close", (Guid id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new CloseGrantCommand(id), ct))
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Close a completed grant (ProgrammeOfficer)");

        grants.MapPost("/{id:guid}/terminate", (Guid id, TerminateGrantRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new TerminateGrantCommand(id, request.Reason), ct))
            .RequireAuthorization(Policies.ProgrammeOfficer)
            .WithSummary("Terminate a grant, releasing its unpaid remainder to the fund (ProgrammeOfficer)");
    }
}
