using System.Globalization;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Funds;
using GrantHub.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Officer;

/// <summary>One row of the tranche plan editor, as typed.</summary>
public sealed class TrancheRow
{
    public string? PlannedDate { get; set; }
    public string? Amount { get; set; }
}

/// <summary>
/// The decision: award with the amount, the start date and a tranche plan (rows left empty are ignored; without
/// JavaScript, "more rows" adds rows), or reject with feedback the consortium will read. Without the call's minimum of
/// submitted reviews an award needs a justification, which the page asks for only then.
/// </summary>
[Authorize(Policy = Policies.ProgrammeOfficer)]
public sealed class DecisionModel : WebPage
{
    public const int RowsAtFirst = 4;
    public const int RowsAdded = 4;

    public ApplicationResponse Application { get; private set; } = null!;
    public CallResponse Call { get; private set; } = null!;
    public FundResponse Fund { get; private set; } = null!;
    public ApplicationReviewsResponse Reviews { get; private set; } = null!;
    public bool ReviewsMissing => Reviews.SubmittedReviews < Reviews.MinReviewsPerApplication;

    [BindProperty] public ApplicationDecision? Decision { get; set; }
    [BindProperty] public string? AwardedAmount { get; set; }
    [BindProperty] public DateOnly? StartDate { get; set; }
    [BindProperty] public List<TrancheRow> Tranches { get; set; } = [];
    [BindProperty] public string? Feedback { get; set; }
    [BindProperty] public string? OverrideJustification { get; set; }
    [BindProperty] public bool PayMembersDirectly { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        AwardedAmount = WebText.Typed(Application.RequestedTotal);
    }

    public async Task<IActionResult> OnPostMoreRowsAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Tranches.AddRange(Enumerable.Range(0, RowsAdded).Select(_ => new TrancheRow()));
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        decimal? amount = null;
        var tranches = new List<PlannedTrancheInput>();
        var rowOf = new List<int>();
        if (Decision == ApplicationDecision.Award)
        {
            amount = WebText.ParseAmount(AwardedAmount);
            if (amount is null)
            {
                ModelState.AddModelError(nameof(AwardedAmount), Text["Validation.Amount"]);
            }

            for (var i = 0; i < Tranches.Count; i++)
            {
                var row = Tranches[i];
                if (string.IsNullOrWhiteSpace(row.PlannedDate) && string.IsNullOrWhiteSpace(row.Amount))
                {
                    continue;
                }

                var date = DateOnly.TryParseExact(row.PlannedDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var planned) ? planned : (DateOnly?)null;
                var trancheAmount = WebText.ParseAmount(row.Amount);
                if (date is null)
                {
                    ModelState.AddModelError($"Tranches[{i}].PlannedDate", Text["Officer.TrancheDateNeeded"]);
                }

                if (trancheAmount is null)
                {
                    ModelState.AddModelError($"Tranches[{i}].Amount", Text["Validation.Amount"]);
                }

                if (date is { } d && trancheAmount is { } a)
                {
                    tranches.Add(new PlannedTrancheInput(d, a));
                    rowOf.Add(i);
                }
            }
        }

        if (ModelState.IsValid)
        {
            var command = Decision == ApplicationDecision.Award
                ? new DecideApplicationCommand(id, Decision, amount, StartDate, tranches.Count > 0 ? tranches : null, Blank(Feedback), ReviewsMissing ? Blank(OverrideJustification) : null, PayMembersDirectly)
                : new DecideApplicationCommand(id, Decision, null, null, null, Blank(Feedback), null);
            DecisionResponse? decided = null;
            if (await TryAsync(async () => decided = await Mediator.Send(command, cancellationToken), field => FormField(field, rowOf)))
            {
                Confirmation = Text[decided!.GrantId is null ? "Officer.Rejected" : "Officer.Awarded"];
                return LocalRedirect(decided.GrantId is { } grantId ? $"/grants/{grantId}" : $"/applications/{id}/assessment");
            }
        }

        return Page();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string FormField(string property, IReadOnlyList<int> rowOf)
    {
        if (property.StartsWith("Tranches[", StringComparison.Ordinal)
            && int.TryParse(property.AsSpan(9, property.IndexOf(']', StringComparison.Ordinal) - 9), CultureInfo.InvariantCulture, out var index)
            && index < rowOf.Count)
        {
            return $"Tranches[{rowOf[index]}]" + property[(property.IndexOf(']', StringComparison.Ordinal) + 1)..];
        }

        return property == nameof(DecideApplicationCommand.Tranches) ? "Tranches" : property;
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Application = await Mediator.Send(new GetApplicationQuery(id), cancellationToken);
        Call = await Mediator.Send(new GetCallQuery(Application.CallId), cancellationToken);
        Fund = await Mediator.Send(new GetFundQuery(Call.FundId), cancellationToken);
        Reviews = await Mediator.Send(new ListApplicationReviewsQuery(id), cancellationToken);
        while (Tranches.Count < RowsAtFirst)
        {
            Tranches.Add(new TrancheRow());
        }
    }
}
