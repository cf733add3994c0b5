using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Organisations;

namespace GrantHub.Core.Reviews;

/// <summary>
/// Assigned (awaiting the conflict-of-interest declaration) → InProgress (declared free of conflict; scores are
/// drafted) → Submitted (final). A declared conflict makes the assignment Recused, from Assigned or InProgress.
/// </summary>
public enum ReviewStatus
{
    Assigned,
    InProgress,
    Submitted,
    Recused,
}

/// <summary>One score against one criterion of the call's rubric.</summary>
public record CriterionScore(string Criterion, int Score);

/// <summary>
/// One reviewer asked to review one application. Nothing is scored before the reviewer declares whether they
/// have a conflict of interest; a declared conflict recuses them. A submitted review never changes again and
/// keeps its weighted score (Σ weight × score / maxScore, 0–100) for the ranking.
/// </summary>
public class ReviewAssignment : IVersioned
{
    public const int MaxStatementLength = 4000;
    public const int MaxCommentLength = 10_000;

    private ReviewAssignment()
    {
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid CallId { get; private set; }
    public Guid ReviewerUserId { get; private set; }
    public Guid AssignedBy { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public ReviewStatus Status { get; private set; }
    public bool? HasConflict { get; private set; }
    public string? ConflictStatement { get; private set; }
    public DateTimeOffset? DeclaredAt { get; private set; }
    public List<CriterionScore> Scores { get; private set; } = [];
    public string? Comment { get; private set; }

    /// <summary>The application's retention period is over: the scores stay, the reviewer's words go.</summary>
    public void EraseText()
    {
        ConflictStatement = null;
        Comment = null;
    }
    public double? WeightedScore { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public long Version { get; set; }

    public const string DueInThePast = "A review must be due in the future.";

    /// <summary>The due-date rule, shared with the validator that answers it as a 400 before the command runs.</summary>
    public static bool IsDueInTheFuture(DateTimeOffset dueAt, DateTimeOffset now) => dueAt > now;

    /// <summary>
    /// Assigns a reviewer to a submitted application, which thereby goes under review. The reviewer must belong to
    /// none of the consortium's organisations (<paramref name="reviewerOrganisations"/>: those they are a member of).
    /// Whether the user is a reviewer and not yet assigned is the caller's check.
    /// </summary>
    public static ReviewAssignment Assign(
        Application application,
        Guid reviewerUserId,
        IReadOnlySet<Guid> reviewerOrganisations,
        DateTimeOffset dueAt,
        Guid assignedBy,
        DateTimeOffset now)
    {
        if (application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.UnderReview))
        {
            throw new BusinessRuleException(
                "application-not-reviewable",
                $"Only a Submitted or UnderReview application can be reviewed; this application is {application.Status}.");
        }

        if (!IsDueInTheFuture(dueAt, now))
        {
            throw new BusinessRuleException("review-due-in-the-past", DueInThePast);
        }

        RelatedParty.Ensure(
            reviewerOrganisations,
            application.ConsortiumOrganisationIds,
            "The reviewer is a member of an organisation in this consortium and cannot review its application.");

        if (application.Status == ApplicationStatus.Submitted)
        {
            application.StartReview();
        }

        application.Changed();

        return new ReviewAssignment
        {
            Id = Guid.NewGuid(),
            ApplicationId = application.Id,
            CallId = application.CallId,
            ReviewerUserId = reviewerUserId,
            AssignedBy = assignedBy,
            AssignedAt = now,
            DueAt = dueAt,
            Status = ReviewStatus.Assigned,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// The reviewer's declaration. Free of conflict: scoring may begin (declared once). A conflict can be declared
    /// at any time before submission, also after an earlier "no conflict": it recuses the reviewer and discards
    /// their draft, which must never weigh on the decision.
    /// </summary>
    public void DeclareConflict(bool hasConflict, string? statement, DateTimeOffset now)
    {
        RequireNotFinal();
        if (!hasConflict && Status == ReviewStatus.InProgress)
        {
            throw new BusinessRuleException("conflict-already-declared", "You have already declared that you have no conflict of interest.");
        }

        if (hasConflict && string.IsNullOrWhiteSpace(statement))
        {
            throw new BusinessRuleException("conflict-statement-missing", "A declared conflict of interest needs a statement.");
        }

        HasConflict = hasConflict;
        ConflictStatement = string.IsNullOrWhiteSpace(statement) ? null : statement.Trim();
        DeclaredAt = now;
        UpdatedAt = now;
        if (hasConflict)
        {
            Status = ReviewStatus.Recused;
            Scores = [];
            Comment = null;
        }
        else
        {
            Status = ReviewStatus.InProgress;
        }
    }

    /// <summary>Replaces the draft: any subset of the rubric's criteria, each within 0..maxScore.</summary>
    public void SaveDraft(IReadOnlyCollection<CriterionScore> scores, string? comment, IReadOnlyList<RubricCriterion> rubric, DateTimeOffset now)
    {
        RequireScorable();
        var canonical = new List<CriterionScore>(scores.Count);
        foreach (var score in scores)
        {
            var criterion = rubric.FirstOrDefault(r => string.Equals(r.Criterion, score.Criterion?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new BusinessRuleException("score-not-in-rubric", $"The rubric has no criterion '{score.Criterion}'.");
            if (score.Score < 0 || score.Score > criterion.MaxScore)
            {
                throw new BusinessRuleException("score-out-of-range", $"'{criterion.Criterion}' is scored from 0 to {criterion.MaxScore}.");
            }

            if (canonical.Any(c => c.Criterion == criterion.Criterion))
            {
                throw new BusinessRuleException("score-repeated", $"'{criterion.Criterion}' is scored twice.");
            }

            canonical.Add(new CriterionScore(criterion.Criterion, score.Score));
        }

        Scores = canonical;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        UpdatedAt = now;
    }

    /// <summary>Submits once, when every criterion of the rubric is scored; the review is then final.</summary>
    public void Submit(IReadOnlyList<RubricCriterion> rubric, DateTimeOffset now)
    {
        RequireScorable();
        var missing = rubric.Where(r => Scores.All(s => s.Criterion != r.Criterion)).Select(r => r.Criterion).ToList();
        if (missing.Count > 0)
        {
            throw new BusinessRuleException("review-incomplete", $"Score every criterion before submitting; missing: {string.Join(", ", missing)}.");
        }

        WeightedScore = WeightedScoreOf(Scores, rubric);
        Status = ReviewStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Σ weight × score / maxScore over the rubric: 0–100 when the weights sum to 100.</summary>
    public static double WeightedScoreOf(IReadOnlyCollection<CriterionScore> scores, IReadOnlyList<RubricCriterion> rubric) =>
        (double)rubric.Sum(r => (decimal)r.Weight * (scores.FirstOrDefault(s => s.Criterion == r.Criterion)?.Score ?? 0) / r.MaxScore);

    private void RequireScorable()
    {
        RequireNotFinal();
        if (Status == ReviewStatus.Assigned)
        {
            throw new BusinessRuleException("conflict-not-declared", "Declare whether you have a conflict of interest before scoring this application.");
        }
    }

    private void RequireNotFinal()
    {
        switch (Status)
        {
            case ReviewStatus.Submitted:
                throw new BusinessRuleException("review-already-submitted", "This review has been submitted and can no longer change.");
            case ReviewStatus.Recused:
                throw new BusinessRuleException("review-recused", "You declared a conflict of interest and are recused from this review.");
        }
    }
}
