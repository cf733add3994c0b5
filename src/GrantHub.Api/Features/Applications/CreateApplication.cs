using FluentValidation;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

/// <summary>
/// A member of the lead organisation starts a draft. The summary is free text that may identify people at
/// risk: the application keeps it, the audit trail does not.
/// </summary>
public record CreateApplicationCommand(
    Guid CallId,
    Guid LeadOrganisationId,
    string Title,
    [property: SensitiveData] string Summary,
    IReadOnlyList<Pillar> Pillars,
    IReadOnlyList<string> Countries,
    IReadOnlyList<TargetGroup> TargetGroups,
    int DurationMonths) : ICommand<ApplicationResponse>, IApplicationNarrativeInput;

public sealed class CreateApplicationValidator : AbstractValidator<CreateApplicationCommand>
{
    public CreateApplicationValidator(GrantHubDbContext db)
    {
        this.ValidNarrative();
        RuleFor(a => a.LeadOrganisationId).NotEmpty();
        RuleFor(a => a.CallId).NotEmpty().CustomAsync(async (callId, context, cancellationToken) =>
        {
            // Only an open call is described here; any other call is the handler's 404 or 409.
            var funded = await db.Calls.AsNoTracking()
                .Where(c => c.Id == callId && c.Status == CallStatus.Open)
                .Select(c => c.Pillars)
                .FirstOrDefaultAsync(cancellationToken);
            if (funded is not null && context.InstanceToValidate.Pillars is { } requested)
            {
                context.CheckPillarsFundedBy(requested, funded);
            }
        });
    }
}

public sealed class CreateApplicationHandler(GrantHubDbContext db, Viewer user, TimeProvider clock)
    : ICommandHandler<CreateApplicationCommand, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(CreateApplicationCommand command, CancellationToken cancellationToken)
    {
        if (!await user.IsMemberOfAsync(command.LeadOrganisationId, cancellationToken))
        {
            throw new NotFoundException(nameof(Organisation), command.LeadOrganisationId);
        }

        var call = await db.Calls.FirstOrDefaultAsync(
                c => c.Id == command.CallId && c.Status != CallStatus.Draft && c.Status != CallStatus.Cancelled,
                cancellationToken)
            ?? throw new NotFoundException(nameof(Call), command.CallId);
        var currency = await db.Funds.Where(f => f.Id == call.FundId).Select(f => f.Currency).SingleAsync(cancellationToken);
        var application = Application.Draft(call, command.LeadOrganisationId, currency, command.ToNarrative(), user.RequiredId(), clock.GetUtcNow());

        if (await LeadAlreadyAppliedAsync(command, cancellationToken))
        {
            throw DuplicateApplication();
        }

        db.Applications.Add(application);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent draft by the same lead won the unique index (SQL Server; SQLite serializes commands).
            if (await LeadAlreadyAppliedAsync(command, cancellationToken))
            {
                throw DuplicateApplication();
            }

            throw;
        }

        return await db.ToResponseAsync(application, user, cancellationToken);
    }

    private Task<bool> LeadAlreadyAppliedAsync(CreateApplicationCommand command, CancellationToken cancellationToken) =>
        db.Applications.AnyAsync(
            a => a.CallId == command.CallId && a.LeadOrganisationId == command.LeadOrganisationId && a.Status != ApplicationStatus.Withdrawn,
            cancellationToken);

    private static BusinessRuleException DuplicateApplication() =>
        new("duplicate-application", "This organisation already leads an application to this call; edit that one (or withdraw it to start again).");
}
