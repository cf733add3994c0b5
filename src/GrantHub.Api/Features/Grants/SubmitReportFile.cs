using FluentValidation;
using GrantHub.Api.Infrastructure.Uploads;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Files;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.Grants;

/// <summary>
/// A report as an uploaded file (a PDF, a Word document, an audio or video recording), or, with the other donor's name
/// and the period it covers, a report the consortium wrote for another donor. The file never enters the audit trail.
/// </summary>
public record SubmitReportFileCommand(
    Guid Id,
    Guid ReportId,
    [property: SensitiveData] UploadedFile? File,
    string? OtherDonorName,
    DateOnly? OtherDonorCoversFrom,
    DateOnly? OtherDonorCoversTo) : ICommand<GrantReportResponse>, IHasId
{
    public bool IsOtherDonorReport =>
        !string.IsNullOrWhiteSpace(OtherDonorName) || OtherDonorCoversFrom is not null || OtherDonorCoversTo is not null;
}

public sealed class SubmitReportFileValidator : AbstractValidator<SubmitReportFileCommand>
{
    public SubmitReportFileValidator(IOptions<UploadOptions> uploads)
    {
        RuleFor(c => c.File).NotNull().WithMessage("Choose the file of the report.").IsAcceptedUpload(uploads.Value);
        When(c => c.IsOtherDonorReport, () =>
        {
            RuleFor(c => c.OtherDonorName).NotEmpty().MaximumLength(OtherDonorReport.MaxDonorNameLength);
            RuleFor(c => c.OtherDonorCoversFrom).NotNull();
            RuleFor(c => c.OtherDonorCoversTo).NotNull()
                .GreaterThanOrEqualTo(c => c.OtherDonorCoversFrom).When(c => c.OtherDonorCoversFrom is not null)
                .WithMessage("The period covered ends on or after the day it starts.");
        });
    }
}

/// <summary>
/// Members of the lead organisation submit a report as a file; a report written for another donor must cover this
/// report's grant year (409 <c>other-donor-period-mismatch</c>). It is then reviewed like any other report.
/// </summary>
public sealed class SubmitReportFileHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock)
    : ICommandHandler<SubmitReportFileCommand, GrantReportResponse>
{
    public async ValueTask<GrantReportResponse> Handle(SubmitReportFileCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.WithDetails().FindForLeadAsync(viewer, command.Id, "Only members of the lead organisation submit the grant's reports.", cancellationToken);

        var now = clock.GetUtcNow();
        var (file, content) = StoredFile.Store(command.File!.Name, command.File.Content, viewer.RequiredId(), now);
        var otherDonor = command.IsOtherDonorReport
            ? new OtherDonorReport(command.OtherDonorName!.Trim(), command.OtherDonorCoversFrom!.Value, command.OtherDonorCoversTo!.Value)
            : null;
        var replacedFile = grant.FindReport(command.ReportId).FileId;
        var report = grant.SubmitReportFile(command.ReportId, file.Id, otherDonor, viewer.RequiredId(), now);
        db.StoredFiles.Add(file);
        db.StoredFileContents.Add(content);
        await db.SaveChangesAsync(cancellationToken);
        if (replacedFile is { } replaced)
        {
            await db.DeleteStoredFileAsync(replaced, cancellationToken);
        }
        return GrantReportResponse.From(report, grant.Currency, file);
    }
}
