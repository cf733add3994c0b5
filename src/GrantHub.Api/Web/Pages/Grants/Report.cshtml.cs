using GrantHub.Api.Features.Grants;
using GrantHub.Core.Grants;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Grants;

/// <summary>The annual (or final) report form of the lead organisation.</summary>
public sealed class ReportModel : WebPage
{
    public GrantResponse Grant { get; private set; } = null!;
    public GrantReportSummary Report { get; private set; } = null!;

    [BindProperty] public string? Narrative { get; set; }
    [BindProperty] public string? SpentToDate { get; set; }
    [BindProperty] public string? Achievements { get; set; }
    [BindProperty] public string? Risks { get; set; }

    public async Task OnGetAsync(Guid id, Guid reportId, CancellationToken cancellationToken) => await LoadAsync(id, reportId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, Guid reportId, CancellationToken cancellationToken)
    {
        var spent = WebText.ParseAmount(SpentToDate);
        if (spent is null && !string.IsNullOrWhiteSpace(SpentToDate))
        {
            ModelState.AddModelError(nameof(SpentToDate), Text["Validation.Amount"]);
        }
        else if (await TryAsync(() => Mediator.Send(
                     new SubmitReportCommand(id, reportId, Narrative ?? "", spent, Achievements ?? "", Risks), cancellationToken).AsTask()))
        {
            Confirmation = Text["Report.Submitted"];
            return LocalRedirect($"/grants/{id}");
        }

        await LoadAsync(id, reportId, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, Guid reportId, CancellationToken cancellationToken)
    {
        Grant = await Mediator.Send(new GetGrantQuery(id), cancellationToken);
        Report = Grant.Reports.FirstOrDefault(r => r.Id == reportId) ?? throw new GrantHub.Core.Common.NotFoundException(nameof(GrantReport), reportId);
    }
}
