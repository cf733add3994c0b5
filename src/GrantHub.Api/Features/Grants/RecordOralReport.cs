using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Uploads;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;

namespace GrantHub.Api.Features.Grants;

public record RecordOralReportRequest(string? Note, DateOnly? GivenOn);

/// <summary>The officer's note of what was said may describe people at risk: it never enters the audit trail.</summary>
public record RecordOralReportCommand(Guid Id, Guid ReportId, [property: SensitiveData] string? Note, DateOnly? GivenOn)
    : ICommand<GrantReportResponse>, IHasId;

public sealed class RecordOralReportValidator : AbstractValidator<RecordOralReportCommand>
{
    public RecordOralReportValidator(TimeProvider clock)
    {
        RuleFor(c => c.Note).NotEmpty().MaximumLength(20_000);
        RuleFor(c => c.GivenOn).NotNull()
            .Must(day => day <= clock.UtcToday()).WithMessage("An oral report is recorded once it has been given: the day cannot be in the future.");
    }
}

/// <summary>
/// A programme officer (never a member of the grant's organisations) records a report the consortium gave orally, as a
/// note with the day it was given; who recorded it and when are kept. It is then reviewed like any other report.
/// </summary>
public sealed class RecordOralReportHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock)
    : ICommandHandler<RecordOralReportCommand, GrantReportResponse>
{
    public async ValueTask<GrantReportResponse> Handle(RecordOralReportCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.WithDetails().FindVisibleAsync(viewer, command.Id, cancellationToken);
        await viewer.EnsureNotRelatedPartyAsync(
            grant.RelatedOrganisationIds, "You are a member of an organisation of this grant and cannot record its reports.", cancellationToken);
        var replacedFile = grant.FindReport(command.ReportId).FileId;
        var report = grant.RecordOralReport(command.ReportId, command.Note!.Trim(), command.GivenOn!.Value, viewer.RequiredId(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        if (replacedFile is { } replaced)
        {
            await db.DeleteStoredFileAsync(replaced, cancellationToken);
        }
        return GrantReportResponse.From(report, grant.Currency, null);
    }
}
