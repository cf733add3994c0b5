using System.Globalization;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Reviews;
using GrantHub.Api.Web.Pages.Shared;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Reviews;

/// <summary>
/// One assignment for its reviewer: the conflict-of-interest declaration comes first; then the scoring form with the
/// rubric (a score per criterion, from 0 to its maximum), saved as a draft with the weighted total the server computes
/// from what was saved, and submitted once complete. Another reviewer's assignment is not found, by any URL.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class DetailsModel : WebPage
{
    public ReviewAssignmentResponse Review { get; private set; } = null!;

    /// <summary>The weighted total of the saved scores (0–100), computed here on the server after each save.</summary>
    public decimal SavedTotal { get; private set; }

    /// <summary>The officer's questions to the consortium and the answers; none for a recused reviewer, who no longer reads the application.</summary>
    public QuestionsView? Questions { get; private set; }

    [BindProperty] public bool? HasConflict { get; set; }
    [BindProperty] public string? Statement { get; set; }
    [BindProperty] public List<string?> Scores { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Scores = [.. Review.Rubric.Select(c => Review.Scores.FirstOrDefault(s => s.Criterion == c.Criterion)?.Score.ToString(CultureInfo.InvariantCulture))];
        Comment = Review.Comment;
    }

    public async Task<IActionResult> OnPostDeclareAsync(Guid id, CancellationToken cancellationToken)
    {
        var declared = await TryAsync(() => Mediator.Send(new DeclareConflictCommand(id, HasConflict, Statement), cancellationToken).AsTask());
        if (declared)
        {
            Confirmation = Text[HasConflict == true ? "Review.Recused" : "Review.Declared"];
            return LocalRedirect($"/reviews/{id}");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken) => SaveAsync(id, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) => SaveAsync(id, submit: true, cancellationToken);

    /// <summary>Saves what was typed; on submit, then submits it, so the reviewer never loses a score typed since the last save.</summary>
    private async Task<IActionResult> SaveAsync(Guid id, bool submit, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var typed = new List<ReviewScoreInput>();
        var rubricIndex = new List<int>();
        for (var i = 0; i < Review.Rubric.Count; i++)
        {
            var value = i < Scores.Count ? Scores[i]?.Trim() : null;
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var score))
            {
                ModelState.AddModelError($"Scores[{i}]", Text["Review.ScoreWholeNumber", 0, Review.Rubric[i].MaxScore]);
                continue;
            }

            typed.Add(new ReviewScoreInput(Review.Rubric[i].Criterion, score));
            rubricIndex.Add(i);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await TryAsync(
            async () =>
            {
                await Mediator.Send(new SaveReviewDraftCommand(id, typed, Comment), cancellationToken);
                if (submit)
                {
                    await Mediator.Send(new SubmitReviewCommand(id), cancellationToken);
                }
            },
            field => FormField(field, rubricIndex));
        if (saved)
        {
            Confirmation = Text[submit ? "Review.SubmittedNow" : "Review.Saved"];
            return LocalRedirect($"/reviews/{id}");
        }

        // A refused submit keeps the draft that was saved just before it: show it with its total.
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>"Scores[2].Score" of the command (only the scored criteria) is the field of the rubric's criterion it came from.</summary>
    private static string FormField(string property, IReadOnlyList<int> rubricIndex)
    {
        if (property.StartsWith("Scores[", StringComparison.Ordinal)
            && int.TryParse(property.AsSpan(7, property.IndexOf(']', StringComparison.Ordinal) - 7), CultureInfo.InvariantCulture, out var index)
            && index < rubricIndex.Count)
        {
            return $"Scores[{rubricIndex[index]}]";
        }

        return property;
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Review = await Mediator.Send(new GetReviewQuery(id), cancellationToken);
        if (Review.ReviewerUserId != HttpContext.RequestServices.GetRequiredService<ICurrentUser>().Id)
        {
            // Staff who oversee reviews read them on the application's page, never here as if they were its reviewer.
            throw new NotFoundException("Review", id);
        }

        if (Review.Status != ReviewStatus.Recused)
        {
            try
            {
                Questions = new QuestionsView(
                    Review.ApplicationId, (await Mediator.Send(new ListInformationRequestsQuery(Review.ApplicationId), cancellationToken)).Items, MayAnswer: false);
            }
            catch (NotFoundException)
            {
                // A reviewer who belongs to the consortium is recused whatever her assignment says; the page tells her so.
            }
        }

        SavedTotal = Review.WeightedScore ?? ReviewResponses.Rounded(ReviewAssignment.WeightedScoreOf(
            [.. Review.Scores.Select(s => new CriterionScore(s.Criterion, s.Score))],
            [.. Review.Rubric.Select(c => new RubricCriterion(c.Criterion, c.Weight, c.MaxScore))])) ?? 0m;
    }
}
