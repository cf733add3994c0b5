using FluentValidation;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Data;
using GrantHub.Core.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Reviews;

public record ConflictDeclarationRequest(bool? HasConflict, string? Statement);

/// <summary>The statement may describe people and relationships: it stays out of the audit trail.</summary>
public record DeclareConflictCommand(Guid Id, bool? HasConflict, [property: SensitiveData] string? Statement)
    : ICommand<ReviewAssignmentResponse>, IHasId;

public sealed class DeclareConflictValidator : AbstractValidator<DeclareConflictCommand>
{
    public DeclareConflictValidator()
    {
        RuleFor(c => c.HasConflict).NotNull().WithMessage("Say whether you have a conflict of interest.");
        RuleFor(c => c.Statement).NotEmpty().When(c => c.HasConflict == true).WithMessage("Describe the conflict of interest.");
        RuleFor(c => c.Statement).MaximumLength(ReviewAssignment.MaxStatementLength);
    }
}

/// <summary>
/// The reviewer declares, before scoring, whether they have a conflict of interest. A conflict recuses them (also
/// after an earlier "no conflict", until they submit) and the officer who assigned them is told.
/// </summary>
public sealed class DeclareConflictHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock, ReviewNotifications notifications)
    : ICommandHandler<DeclareConflictCommand, ReviewAssignmentResponse>
{
    public async ValueTask<ReviewAssignmentResponse> Handle(DeclareConflictCommand command, CancellationToken cancellationToken)
    {
        var assignment = await viewer.FindMyAssignmentToWorkOnAsync(command.Id, cancellationToken);
        assignment.DeclareConflict(command.HasConflict!.Value, command.Statement, clock.GetUtcNow());
        if (assignment.Status == ReviewStatus.Recused)
        {
            var title = await db.Applications.Where(a => a.Id == assignment.ApplicationId).Select(a => a.Title).SingleAsync(cancellationToken);
            await notifications.RecusedAsync(assignment, title, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(assignment, cancellationToken);
    }
}
