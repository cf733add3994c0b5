using FluentValidation;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Data;
using GrantHub.Core.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Reviews;

public record ReviewScoreInput(string Criterion, int Score);

public record SaveReviewDraftRequest(IReadOnlyList<ReviewScoreInput> Scores, string? Comment);

/// <summary>The comment is the reviewer's confidential opinion: it stays out of the audit trail.</summary>
public record SaveReviewDraftCommand(Guid Id, IReadOnlyList<ReviewScoreInput> Scores, [property: SensitiveData] string? Comment)
    : ICommand<ReviewAssignmentResponse>, IHasId;

public sealed class SaveReviewDraftValidator : AbstractValidator<SaveReviewDraftCommand>
{
    public const int MaxScores = 100;

    public SaveReviewDraftValidator(GrantHubDbContext db, Viewer viewer)
    {
        RuleFor(c => c.Scores).Cascade(CascadeMode.Stop).NotNull()
            .Must(scores => scores.Count <= MaxScores).WithMessage($"At most {MaxScores} scores.");
        RuleForEach(c => c.Scores).NotNull().ChildRules(score =>
        {
            score.RuleFor(s => s.Criterion).NotEmpty().MaximumLength(200);
            score.RuleFor(s => s.Score).GreaterThanOrEqualTo(0);
        });
        RuleFor(c => c.Scores)
            .Must(scores => scores.Select(s => s.Criterion?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == scores.Count)
            .WithMessage("Each criterion is scored at most once.")
            .When(c => c.Scores is not null && c.Scores.All(s => s is not null));
        RuleFor(c => c.Comment).MaximumLength(ReviewAssignment.MaxCommentLength);

        RuleFor(c => c.Id).CustomAsync(async (id, context, cancellationToken) =>
        {
            var scores = context.InstanceToValidate.Scores;
            if (scores is null || scores.Any(s => s is null) || viewer.Id is not { } userId)
            {
                return;
            }

            // Only the assigned reviewer learns about the rubric here; anyone else gets the handler's 404.
            var rubric = await db.ReviewAssignments.AsNoTracking()
                .Where(r => r.Id == id && r.ReviewerUserId == userId)
                .Join(db.Calls, r => r.CallId, c => c.Id, (_, c) => c)
                .Select(c => c.Rubric)
                .FirstOrDefaultAsync(cancellationToken);
            if (rubric is null)
            {
                return;
            }

            for (var i = 0; i < scores.Count; i++)
            {
                var field = $"{nameof(SaveReviewDraftCommand.Scores)}[{i}]";
                var criterion = rubric.FirstOrDefault(r => string.Equals(r.Criterion, scores[i].Criterion?.Trim(), StringComparison.OrdinalIgnoreCase));
                if (criterion is null)
                {
                    context.AddFailure($"{field}.{nameof(ReviewScoreInput.Criterion)}", $"The rubric has no criterion '{scores[i].Criterion}'.");
                }
                else if (scores[i].Score > criterion.MaxScore)
                {
                    context.AddFailure($"{field}.{nameof(ReviewScoreInput.Score)}", $"'{criterion.Criterion}' is scored from 0 to {criterion.MaxScore}.");
                }
            }
        });
    }
}

/// <summary>The reviewer saves a draft: any of the rubric's criteria, replacing the previous draft. Only after declaring no conflict.</summary>
public sealed class SaveReviewDraftHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock)
    : ICommandHandler<SaveReviewDraftCommand, ReviewAssignmentResponse>
{
    public async ValueTask<ReviewAssignmentResponse> Handle(SaveReviewDraftCommand command, CancellationToken cancellationToken)
    {
        var assignment = await viewer.FindMyAssignmentToWorkOnAsync(command.Id, cancellationToken);
        var rubric = await db.Calls.AsNoTracking().Where(c => c.Id == assignment.CallId).Select(c => c.Rubric).SingleAsync(cancellationToken);
        assignment.SaveDraft(
            [.. command.Scores.Select(s => new CriterionScore(s.Criterion, s.Score))],
            command.Comment,
            rubric,
            clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await db.ToResponseAsync(assignment, cancellationToken);
    }
}
