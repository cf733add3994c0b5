using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Grants;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Grants;

/// <summary>
/// The grant: allocations, tranches, reports with their due dates, the agreement to download, and the signature,
/// which names the exact document by its SHA-256 and needs an explicit confirmation.
/// </summary>
public sealed class DetailsModel : WebPage
{
    public GrantResponse Grant { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> OrganisationNames { get; private set; } = new Dictionary<Guid, string>();
    public AgreementVersionResponse? Agreement => Grant.AgreementVersions.LastOrDefault();

    [BindProperty] public string? Sha256 { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnGetAgreementAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await Mediator.Send(new GetAgreementQuery(id, null), cancellationToken);
        return File(file.Content, "application/pdf", file.FileName);
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), Text["Grant.ConfirmRequired"]);
        }
        else if (await TryAsync(() => Mediator.Send(new SignAgreementCommand(id, Sha256 ?? ""), cancellationToken).AsTask()))
        {
            Confirmation = Text["Grant.Signed"];
            return LocalRedirect($"/grants/{id}");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Grant = await Mediator.Send(new GetGrantQuery(id), cancellationToken);
        var application = await Mediator.Send(new GetApplicationQuery(Grant.ApplicationId), cancellationToken);
        OrganisationNames = application.Members.ToDictionary(m => m.OrganisationId, m => m.OrganisationName);
    }
}
