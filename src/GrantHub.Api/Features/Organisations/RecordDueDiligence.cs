using FluentValidation;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Organisations;

public record RecordDueDiligenceRequest(DueDiligenceStatus Status, string? Note);

public record RecordDueDiligenceCommand(Guid Id, DueDiligenceStatus Status, [property: SensitiveData] string? Note) : ICommand<OrganisationResponse>, IHasId;

public sealed class RecordDueDiligenceValidator : AbstractValidator<RecordDueDiligenceCommand>
{
    public RecordDueDiligenceValidator()
    {
        RuleFor(c => c.Status).IsInEnum();
        RuleFor(c => c.Note).MaximumLength(4000);
        RuleFor(c => c.Note).NotEmpty().When(c => c.Status == DueDiligenceStatus.Failed)
            .WithMessage("Say why due diligence failed.");
    }
}

/// <summary>A programme officer records the organisation's due diligence; never one of its own members (related party).</summary>
public sealed class RecordDueDiligenceHandler(GrantHubDbContext db, Viewer user, TimeProvider clock)
    : ICommandHandler<RecordDueDiligenceCommand, OrganisationResponse>
{
    public async ValueTask<OrganisationResponse> Handle(RecordDueDiligenceCommand command, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.Include(o => o.Members).FirstOrDefaultAsync(o => o.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Organisation), command.Id);
        await user.EnsureNotRelatedPartyAsync(
            organisation.Id, "You are a member of this organisation and cannot record its due diligence.", cancellationToken);
        organisation.RecordDueDiligence(command.Status, command.Note?.Trim(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(organisation, user, cancellationToken);
    }
}
