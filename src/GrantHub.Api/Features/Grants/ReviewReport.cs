using System.Globalization;
using FluentValidation;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;

namespace GrantHub.Api.Features.Grants;

public record ReviewReportRequest(ReportOutcome? Outcome, string? Comment);

public record ReviewReportCommand(Guid Id, Guid ReportId, ReportOutcome? Outcome, [property: SensitiveData] string? Comment) : ICommand<GrantReportResponse>, IHasId;

public sealed class ReviewReportValidator : AbstractValidator<ReviewReportCommand>
{
    public ReviewReportValidator()
    {
        RuleFor(c => c.Outcome).NotNull().IsInEnum();
        RuleFor(c => c.Comment).MaximumLength(4000);
        RuleFor(c => c.Comment).NotEmpty().When(c => c.Outcome == ReportOutcome.ChangesRequested)
            .WithMessage("Say what needs to change.");
    }
}

/// <summary>
/// A programme officer accepts a submitted report (which may make the next conditional tranche due) or asks the lead
/// organisation for changes, telling its members.
/// </summary>
public sealed class ReviewReportHandler(GrantHubDbContext db, Viewer viewer, Notifier notifier, TimeProvider clock)
    : ICommandHandler<ReviewReportCommand, GrantReportResponse>
{
    public async ValueTask<GrantReportResponse> Handle(ReviewReportCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.WithDetails().FindVisibleAsync(viewer, command.Id, cancellationToken);
        var report = grant.ReviewReport(command.ReportId, command.Outcome!.Value, command.Comment?.Trim(), viewer.RequiredId(), clock.UtcToday(), clock.GetUtcNow());

        if (report.Status == ReportStatus.ChangesRequested)
        {
            var which = report.Kind == ReportKind.Final
                ? new NotificationText("report.Which.Final")
                : new NotificationText("report.Which.Annual", report.PeriodYear);
            await notifier.NotifyAsync(
                await db.LeadMembersAsync(grant, cancellationToken),
                new NotificationMessage(
                    "grant-report-changes-requested",
                    new NotificationText("grant-report-changes-requested.Subject", grant.GrantNumber, which),
                    new NotificationText("grant-report-changes-requested.Body", which, grant.GrantNumber, report.ReviewComment),
                    $"/grants/{grant.Id}"),
                string.Create(CultureInfo.InvariantCulture, $"grant-report-changes-requested:{report.Id}:{report.SubmissionCount}"),
                cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        var files = await GrantReportResponse.FilesOfAsync(db, [report], cancellationToken);
        return GrantReportResponse.From(report, grant.Currency, report.FileId is { } fileId ? files[fileId] : null);
    }
}
