using FluentValidation;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Emergency;

public record SubmitLightReportRequest(string? HowMoneyWasUsed, string? AnythingElse);

/// <summary>How the money was used may describe people at risk: it never enters the audit trail.</summary>
public record SubmitLightReportCommand(Guid Id, [property: SensitiveData] string? HowMoneyWasUsed, [property: SensitiveData] string? AnythingElse)
    : ICommand<EmergencyLightReportResponse>, IHasId;

public sealed class SubmitLightReportValidator : AbstractValidator<SubmitLightReportCommand>
{
    public SubmitLightReportValidator()
    {
        RuleFor(c => c.HowMoneyWasUsed).NotEmpty().MaximumLength(EmergencyLightReport.MaxUseLength);
        RuleFor(c => c.AnythingElse).MaximumLength(EmergencyLightReport.MaxAnythingElseLength);
    }
}

/// <summary>
/// Members of the requesting organisation send the light report on paid emergency money, once (409
/// <c>light-report-already-submitted</c> after). It is optional: before or after its due date, or never.
/// </summary>
public sealed class SubmitLightReportHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock)
    : ICommandHandler<SubmitLightReportCommand, EmergencyLightReportResponse>
{
    public async ValueTask<EmergencyLightReportResponse> Handle(SubmitLightReportCommand command, CancellationToken cancellationToken)
    {
        var request = await db.EmergencyRequests.AsNoTracking().FindVisibleAsync(viewer, command.Id, cancellationToken);
        if (!await viewer.IsMemberOfAsync(request.OrganisationId, cancellationToken))
        {
            throw new ForbiddenException("Only members of the organisation that received the money send its light report.");
        }

        if (await db.EmergencyLightReports.AnyAsync(r => r.EmergencyRequestId == request.Id, cancellationToken))
        {
            throw new BusinessRuleException("light-report-already-submitted", "The light report on this emergency grant has already been sent. Thank you.");
        }

        var report = EmergencyLightReport.Submit(
            request,
            command.HowMoneyWasUsed!.Trim(),
            string.IsNullOrWhiteSpace(command.AnythingElse) ? null : command.AnythingElse.Trim(),
            viewer.RequiredId(),
            clock.GetUtcNow());
        db.EmergencyLightReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return EmergencyLightReportResponse.From(request, report);
    }
}
