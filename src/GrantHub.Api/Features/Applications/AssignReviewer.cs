using FluentValidation;
using GrantHub.Api.Features.Reviews;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Applications;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Identity;
using GrantHub.Core.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

public record AssignReviewerRequest(Guid ReviewerUserId, DateTimeOffset DueAt);

public record AssignReviewerCommand(Guid Id, Guid ReviewerUserId, DateTimeOffset DueAt) : ICommand<ReviewAssignmentResponse>, IHasId;

public sealed class AssignReviewerValidator : AbstractValidator<AssignReviewerCommand>
{
    public AssignReviewerValidator(GrantHubDbContext db, TimeProvider clock)
    {
        RuleFor(c => c.ReviewerUserId).NotEmpty().MustAsync((reviewerUserId, cancellationToken) =>
                db.UserRoles
                    .Join(db.Roles.Where(r => r.Name == Roles.Reviewer), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
                    .AnyAsync(userId => userId == reviewerUserId, cancellationToken))
            .WithMessage("No reviewer has this id: the user must exist and have the Reviewer role.");
        RuleFor(c => c.DueAt).Must(dueAt => ReviewAssignment.IsDueInTheFuture(dueAt, clock.GetUtcNow())).WithMessage(ReviewAssignment.DueInThePast);
    }
}

/// <summary>
/// A programme officer asks a reviewer to review a submitted application, which thereby goes under review. The
/// officer and the reviewer must belong to none of the consortium's organisations (related party); the reviewer
/// is assigned once per application (also after recusing) and told at once.
/// </summary>
public sealed class AssignReviewerHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock, ReviewNotifications notifications)
    : ICommandHandler<AssignReviewerCommand, ReviewAssignmentResponse>
{
    public async ValueTask<ReviewAssignmentResponse> Handle(AssignReviewerCommand command, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException(nameof(Application), command.Id);
        await viewer.EnsureNotRelatedPartyAsync(
            application.ConsortiumOrganisationIds,
            "You are a member of an organisation in this consortium and cannot choose who reviews its application.",
            cancellationToken);
        if (await db.ReviewAssignments.AnyAsync(r => r.ApplicationId == application.Id && r.ReviewerUserId == command.ReviewerUserId, cancellationToken))
        {
            throw new BusinessRuleException("reviewer-already-assigned", "This reviewer is already assigned to this application.");
        }

        var reviewerOrganisations = await db.OrganisationMembers
            .Where(m => m.UserId == command.ReviewerUserId)
            .Select(m => m.OrganisationId)
            .ToListAsync(cancellationToken);
        var assignment = ReviewAssignment.Assign(
            application,
            command.ReviewerUserId,
            reviewerOrganisations.ToHashSet(),
            command.DueAt.ToUniversalTime(),
            viewer.RequiredId(),
            clock.GetUtcNow());
        db.ReviewAssignments.Add(assignment);

        // The assignment bumps the application's version: concurrent assignments conflict, so the retried one sees the other (and a duplicate).
        var callTitle = await db.Calls.Where(c => c.Id == application.CallId).Select(c => c.Title).SingleAsync(cancellationToken);
        await notifications.AssignedAsync(assignment, application.Title, callTitle, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(assignment, cancellationToken);
    }
}
