using FluentValidation;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

/// <summary>The create body again; <c>callId</c> and <c>leadOrganisationId</c> may be sent back but never change.</summary>
public record UpdateApplicationRequest(
    Guid? CallId,
    Guid? LeadOrganisationId,
    string Title,
    string Summary,
    IReadOnlyList<Pillar> Pillars,
    IReadOnlyList<string> Countries,
    IReadOnlyList<TargetGroup> TargetGroups,
    int DurationMonths);

public record UpdateApplicationCommand(
    Guid Id,
    Guid? CallId,
    Guid? LeadOrganisationId,
    string Title,
    [property: SensitiveData] string Summary,
    IReadOnlyList<Pillar> Pillars,
    IReadOnlyList<string> Countries,
    IReadOnlyList<TargetGroup> TargetGroups,
    int DurationMonths) : ICommand<ApplicationResponse>, IApplicationNarrativeInput, IHasId
{
    public static UpdateApplicationCommand From(Guid id, UpdateApplicationRequest request) => new(
        id,
        request.CallId,
        request.LeadOrganisationId,
        request.Title,
        request.Summary,
        request.Pillars,
        request.Countries,
        request.TargetGroups,
        request.DurationMonths);
}

public sealed class UpdateApplicationValidator : AbstractValidator<UpdateApplicationCommand>
{
    public UpdateApplicationValidator(GrantHubDbContext db, Viewer user)
    {
        this.ValidNarrative();
        RuleFor(a => a.Id).CustomAsync(async (id, context, cancellationToken) =>
        {
            // Described only to those who may read the application; everyone else gets the handler's 404.
            var current = await db.Applications.AsNoTracking().VisibleTo(user)
                .Where(a => a.Id == id)
                .Join(db.Calls, a => a.CallId, c => c.Id, (a, c) => new { a.CallId, a.LeadOrganisationId, c.Pillars })
                .FirstOrDefaultAsync(cancellationToken);
            if (current is null)
            {
                return;
            }

            var update = context.InstanceToValidate;
            if (update.CallId is { } callId && callId != current.CallId)
            {
                context.AddFailure(nameof(UpdateApplicationCommand.CallId), "An application's call cannot be changed.");
            }

            if (update.LeadOrganisationId is { } leadId && leadId != current.LeadOrganisationId)
            {
                context.AddFailure(nameof(UpdateApplicationCommand.LeadOrganisationId), "An application's lead organisation cannot be changed.");
            }

            if (update.Pillars is { } requested)
            {
                context.CheckPillarsFundedBy(requested, current.Pillars);
            }
        });
    }
}

/// <summary>The lead edits its narrative while the application is a draft; partners read it but cannot change it (403).</summary>
public sealed class UpdateApplicationHandler(GrantHubDbContext db, Viewer user, TimeProvider clock)
    : ICommandHandler<UpdateApplicationCommand, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(UpdateApplicationCommand command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FindForLeadAsync(user, command.Id, cancellationToken);
        application.Update(command.ToNarrative(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(application, user, cancellationToken);
    }
}
