using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Calls;
using GrantHub.Core.Data;
using GrantHub.Core.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Reviews;

public record ReviewScoreResponse(string Criterion, int Score);

public record ConflictDeclarationResponse(bool HasConflict, string? Statement, DateTimeOffset DeclaredAt);

/// <summary>
/// One assignment as its reviewer, or overseeing staff, see it: the declaration, the (draft or submitted) scores,
/// the weighted score once submitted (0–100, two decimals) and the rubric to score against.
/// </summary>
public record ReviewAssignmentResponse(
    Guid Id,
    Guid ApplicationId,
    Guid CallId,
    string ApplicationTitle,
    Guid ReviewerUserId,
    string ReviewerName,
    DateTimeOffset DueAt,
    ReviewStatus Status,
    DateTimeOffset AssignedAt,
    ConflictDeclarationResponse? ConflictDeclaration,
    IReadOnlyList<ReviewScoreResponse> Scores,
    string? Comment,
    decimal? WeightedScore,
    DateTimeOffset? SubmittedAt,
    IReadOnlyList<ReviewRubricCriterion> Rubric) : IHasId;

/// <summary>One criterion of the call's rubric, as the reviewer scores it: what it asks ("" when not described) and its maximum.</summary>
public record ReviewRubricCriterion(string Criterion, int Weight, int MaxScore, string Description);

public static class ReviewResponses
{
    public static decimal? Rounded(double? score) => score is { } value ? Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero) : null;

    public static async Task<ReviewAssignmentResponse> ToResponseAsync(this GrantHubDbContext db, ReviewAssignment assignment, CancellationToken cancellationToken) =>
        (await db.ToResponsesAsync([assignment], cancellationToken))[0];

    /// <summary>Three queries whatever the number of assignments: titles, rubrics and reviewer names.</summary>
    public static async Task<IReadOnlyList<ReviewAssignmentResponse>> ToResponsesAsync(
        this GrantHubDbContext db, IReadOnlyList<ReviewAssignment> assignments, CancellationToken cancellationToken)
    {
        var applicationIds = assignments.Select(a => a.ApplicationId).Distinct().ToList();
        var callIds = assignments.Select(a => a.CallId).Distinct().ToList();
        var reviewerIds = assignments.Select(a => a.ReviewerUserId).Distinct().ToList();
        var titles = await db.Applications.AsNoTracking()
            .Where(a => applicationIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Title })
            .ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken);
        var rubrics = await db.Calls.AsNoTracking()
            .Where(c => callIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Rubric })
            .ToDictionaryAsync(c => c.Id, c => c.Rubric, cancellationToken);
        var names = await db.Users.AsNoTracking()
            .Where(u => reviewerIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return [.. assignments.Select(a => From(a, titles[a.ApplicationId], rubrics[a.CallId], names[a.ReviewerUserId]))];
    }

    private static ReviewAssignmentResponse From(ReviewAssignment assignment, string title, IReadOnlyList<RubricCriterion> rubric, string reviewerName)
    {
        var rubricOrder = rubric.Select((criterion, index) => (criterion.Criterion, index)).ToDictionary(c => c.Criterion, c => c.index);
        return new ReviewAssignmentResponse(
            assignment.Id,
            assignment.ApplicationId,
            assignment.CallId,
            title,
            assignment.ReviewerUserId,
            reviewerName,
            assignment.DueAt,
            assignment.Status,
            assignment.AssignedAt,
            assignment is { HasConflict: { } hasConflict, DeclaredAt: { } declaredAt }
                ? new ConflictDeclarationResponse(hasConflict, assignment.ConflictStatement, declaredAt)
                : null,
            [
                .. assignment.Scores
                    .OrderBy(s => rubricOrder.GetValueOrDefault(s.Criterion, int.MaxValue))
                    .Select(s => new ReviewScoreResponse(s.Criterion, s.Score)),
            ],
            assignment.Comment,
            Rounded(assignment.WeightedScore),
            assignment.SubmittedAt,
            [.. rubric.Select(r => new ReviewRubricCriterion(r.Criterion, r.Weight, r.MaxScore, r.Description))]);
    }
}
