using GrantHub.Api.Infrastructure.Uploads;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Grants;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Grants;

/// <summary>
/// A report still awaited. The lead organisation sends it as the form's fields, as a file (PDF, Word, audio or video),
/// or as a report written for another donor on the same period; a programme officer instead records an oral report as a
/// note, or waives the report with a reason.
/// </summary>
[AcceptsUploads]
public sealed class ReportModel : WebPage
{
    public GrantResponse Grant { get; private set; } = null!;
    public GrantReportSummary Report { get; private set; } = null!;
    public bool IsOfficer => User.IsInRole(Roles.ProgrammeOfficer);

    [BindProperty] public string? Narrative { get; set; }
    [BindProperty] public string? SpentToDate { get; set; }
    [BindProperty] public string? Achievements { get; set; }
    [BindProperty] public string? Risks { get; set; }

    [BindProperty] public IFormFile? ReportFile { get; set; }
    [BindProperty] public string? OtherDonorName { get; set; }
    [BindProperty] public DateOnly? OtherDonorCoversFrom { get; set; }
    [BindProperty] public DateOnly? OtherDonorCoversTo { get; set; }

    [BindProperty] public string? Note { get; set; }
    [BindProperty] public DateOnly? GivenOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

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
            return Done(id, "Report.Submitted");
        }

        await LoadAsync(id, reportId, cancellationToken);
        return Page();
    }

    /// <summary>The report as a file; with the other donor's name and period, a report written for that donor.</summary>
    public async Task<IActionResult> OnPostFileAsync(Guid id, Guid reportId, CancellationToken cancellationToken)
    {
        var file = await UploadedFile.FromFormAsync(ReportFile, cancellationToken);
        if (await TryAsync(() => Mediator.Send(
                    new SubmitReportFileCommand(id, reportId, file, OtherDonorName, OtherDonorCoversFrom, OtherDonorCoversTo), cancellationToken).AsTask(),
                field => field == nameof(SubmitReportFileCommand.File) ? nameof(ReportFile) : field))
        {
            return Done(id, "Report.Submitted");
        }

        await LoadAsync(id, reportId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostOralAsync(Guid id, Guid reportId, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Mediator.Send(new RecordOralReportCommand(id, reportId, Note, GivenOn), cancellationToken).AsTask()))
        {
            return Done(id, "Report.OralRecorded");
        }

        await LoadAsync(id, reportId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostWaiveAsync(Guid id, Guid reportId, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Mediator.Send(new WaiveReportCommand(id, reportId, Reason), cancellationToken).AsTask()))
        {
            return Done(id, "Report.Waived");
        }

        await LoadAsync(id, reportId, cancellationToken);
        return Page();
    }

    private LocalRedirectResult Done(Guid id, string confirmation)
    {
        Confirmation = Text[confirmation];
        return LocalRedirect($"/grants/{id}");
    }

    private async Task LoadAsync(Guid id, Guid reportId, CancellationToken cancellationToken)
    {
        Grant = await Mediator.Send(new GetGrantQuery(id), cancellationToken);
        Report = Grant.Reports.FirstOrDefault(r => r.Id == reportId) ?? throw new GrantHub.Core.Common.NotFoundException(nameof(GrantReport), reportId);
    }
}
