using System.Globalization;
using System.Text.RegularExpressions;
using GrantHub.Api.Features.Applications;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Applications;

/// <summary>One amount as typed in the budget table, for one member and one grant year.</summary>
public sealed class BudgetCell
{
    public Guid OrganisationId { get; set; }
    public int Year { get; set; }
    public string? Amount { get; set; }
}

/// <summary>The budget table: one row per consortium member, one column per grant year, with totals (saved ones).</summary>
public sealed partial class BudgetModel : WebPage
{
    public ApplicationResponse Application { get; private set; } = null!;
    public int Years => GrantHub.Core.Applications.Application.YearsFor(Application.DurationMonths);

    [BindProperty] public List<BudgetCell> Lines { get; set; } = [];

    public string? Cell(Guid organisationId, int year) =>
        Lines.FirstOrDefault(l => l.OrganisationId == organisationId && l.Year == year)?.Amount
        ?? (Application.Budget.FirstOrDefault(l => l.OrganisationId == organisationId && l.Year == year) is { } line ? WebText.Typed(line.Amount) : null);

    public decimal MemberTotal(Guid organisationId) => Application.Budget.Where(l => l.OrganisationId == organisationId).Sum(l => l.Amount);

    public decimal YearTotal(int year) => Application.Budget.Where(l => l.Year == year).Sum(l => l.Amount);

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Application = await Mediator.Send(new GetApplicationQuery(id), cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var lines = new List<BudgetLineInput>();
        var formIndex = new List<int>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var typed = Lines[i].Amount;
            if (string.IsNullOrWhiteSpace(typed))
            {
                continue;
            }

            if (WebText.ParseAmount(typed) is { } amount)
            {
                lines.Add(new BudgetLineInput(Lines[i].OrganisationId, Lines[i].Year, amount));
                formIndex.Add(i);
            }
            else
            {
                ModelState.AddModelError($"Lines[{i}].Amount", Text["Validation.Amount"]);
            }
        }

        if (ModelState.IsValid && await TryAsync(() => Mediator.Send(new SetApplicationBudgetCommand(id, lines), cancellationToken).AsTask(), FormField))
        {
            Confirmation = Text["Budget.Saved"];
            return LocalRedirect($"/applications/{id}/budget");
        }

        Application = await Mediator.Send(new GetApplicationQuery(id), cancellationToken);
        return Page();

        // The command holds only the filled cells: its line i is the form's cell formIndex[i].
        string FormField(string path) =>
            LineIndex().Match(path) is { Success: true } match && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) < formIndex.Count
                ? $"Lines[{formIndex[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)]}]{path[match.Length..]}"
                : path;
    }

    [GeneratedRegex(@"^Lines\[(\d+)\]")]
    private static partial Regex LineIndex();
}
