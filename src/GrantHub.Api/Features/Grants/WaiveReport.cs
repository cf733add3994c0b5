using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;

namespace GrantHub.Api.Features.Grants;

public record WaiveReportRequest(string? Reason);

/// <summary>The reason may explain a crisis the consortium lives through: it never enters the audit trail.</summary>
public record WaiveReportCommand(Guid Id, Guid ReportId, [property: SensitiveData] string? Reason) : ICommand<GrantReportResponse>, IHasId;

public sealed class WaiveReportValidator : AbstractValidator<WaiveReportCommand>
{
    public WaiveReportValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(4000);
    }
}

/// <summary>
/// A programme officer (never a member of the grant's organisations) waives a report still awaited, with a reason. A
/// waived report counts as done: a tranche waiting for "previous annual report accepted" becomes due, and a waived final
/// report lets the grant close.
/// </summary>
public sealed class WaiveReportHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock)
    : ICommandHandler<WaiveReportCommand, GrantReportResponse>
{
    public async ValueTask<GrantReportResponse> Handle(WaiveReportCommand command, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.WithDetails().FindVisibleAsync(viewer, command.Id, cancellationToken);
        await viewer.EnsureNotRelatedPartyAsync(
            grant.RelatedOrganisationIds, "You are a member of an organisation of this grant and cannot waive its reports.", cancellationToken);
        var report = grant.WaiveReport(command.ReportId, command.Reason!.Trim(), viewer.RequiredId(), clock.UtcToday(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return GrantReportResponse.From(report, grant.Currency, null);
    }
}
