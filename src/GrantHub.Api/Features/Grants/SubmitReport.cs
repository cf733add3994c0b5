using FluentValidation;
using GrantHub.Api.Infrastructure.Uploads;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Files;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

public record SubmitReportRequest(string Narrative, decimal? SpentToDate, string Achievements, string? Risks);

/// <summary>Narrative, achievements and risks may describe people at risk: they never enter the audit trail.</summary>
public record SubmitReportCommand(
    Guid Id,
    Guid ReportId,
    [property: SensitiveData] string Narrative,
    decimal? SpentToDate,
    [property: SensitiveData] string Achievements,
    [property: SensitiveData] string? Risks) : ICommand<GrantReportResponse>, IHasId;

/// <summary>
/// A report in full: how it was made (<see cref="ReportForm"/>) and what it holds, the officer's comment, a waiver's
/// reason; the grant response lists reports without their content.
/// </summary>
public record GrantReportResponse(
    Guid Id,
    ReportKind Kind,
    int PeriodYear,
    DateOnly DueOn,
    ReportStatus Status,
    string? Narrative,
    decimal? SpentToDate,
    string? Achievements,
    string? Risks,
    DateTimeOffset? SubmittedAt,
    string? ReviewComment,
    DateTimeOffset? ReviewedAt,
    ReportForm? Form,
    StoredFileResponse? File,
    string? OtherDonorName,
    DateOnly? OtherDonorCoversFrom,
    DateOnly? OtherDonorCoversTo,
    DateOnly? OralReportGivenOn,
    string? WaiverReason,
    DateTimeOffset? WaivedAt)
{
    public static GrantReportResponse From(GrantReport report, string currency, StoredFile? file) => new(
        report.Id,
        report.Kind,
        report.PeriodYear,
        report.DueOn,
        report.Status,
        report.Narrative,
        report.SpentToDate?.Amount,
        report.Achievements,
        report.Risks,
        report.SubmittedAt,
        report.ReviewComment,
        report.ReviewedAt,
        report.Form,
        file is null ? null : StoredFileResponse.From(file),
        report.OtherDonorName,
        report.OtherDonorCoversFrom,
        report.OtherDonorCoversTo,
        report.OralReportGivenOn,
        report.WaiverReason,
        report.WaivedAt);

    /// <summary>The files of these reports, by id, read in one query.</summary>
    public static async Task<IReadOnlyDictionary<Guid, StoredFile>> FilesOfAsync(GrantHubDbContext db, IEnumerable<GrantReport> reports, CancellationToken cancellationToken)
    {
        var ids = reports.Where(r => r.FileId is not null).Select(r => r.FileId!.Value).ToList();
        return ids.Count == 0
            ? new Dictionary<Guid, StoredFile>()
            : await db.StoredFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
    }
}

public sealed class SubmitReportValidator : AbstractValidator<SubmitReportCommand>
{
    public SubmitReportValidator(GrantHubDbContext db, Viewer viewer)
    {
        RuleFor(c => c.Narrative).NotEmpty().MaximumLength(20_000);
        RuleFor(c => c.Achievements).NotEmpty().MaximumLength(10_000);
        RuleFor(c => c.Risks).MaximumLength(10_000);
        // Only a grant the caller may see is looked at, so a stranger learns nothing from a 400.
        RuleFor(c => c.SpentToDate).NotNull().GreaterThanOrEqualTo(0).FitsCurrency((command, cancellationToken) =>
            db.Grants.VisibleTo(viewer).Where(g => g.Id == command.Id).Select(g => g.Currency).FirstOrDefaultAsync(cancellationToken));
    }
}

/// <summary>Members of the lead organisation submit the grant's reports; partners see the grant but may not (403).</summary>
public sealed class SubmitReportHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock)
    : ICommandHandler<SubmitReportCommand, GrantReportResponse>
{
    public async ValueTask<GrantReportResponse> Handle(SubmitReportCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.WithDetails().FindForLeadAsync(viewer, command.Id, "Only members of the lead organisation submit the grant's reports.", cancellationToken);

        var submission = new ReportSubmission(
            command.Narrative.Trim(),
            Money.Of(command.SpentToDate!.Value, grant.Currency),
            command.Achievements.Trim(),
            string.IsNullOrWhiteSpace(command.Risks) ? null : command.Risks.Trim());
        var replacedFile = grant.FindReport(command.ReportId).FileId;
        var report = grant.SubmitReport(command.ReportId, submission, viewer.RequiredId(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        if (replacedFile is { } replaced)
        {
            await db.DeleteStoredFileAsync(replaced, cancellationToken);
        }
        return GrantReportResponse.From(report, grant.Currency, null);
    }
}
