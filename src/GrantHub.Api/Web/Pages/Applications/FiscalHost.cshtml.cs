using GrantHub.Api.Features.Applications;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Applications;

/// <summary>
/// The fiscal host's owners read what they are asked to receive and pass on, and for which fee, and consent or decline;
/// the consent names the fee the page showed, so a fee changed in between is refused and shown again.
/// </summary>
public sealed class FiscalHostModel : WebPage
{
    public FiscalHostRequestResponse HostRequest { get; private set; } = null!;

    [BindProperty] public string? FeePercent { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostConsentAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Mediator.Send(new ConsentAsFiscalHostCommand(id, WebText.ParseAmount(FeePercent) ?? -1m), cancellationToken).AsTask()))
        {
            Confirmation = Text["FiscalHost.Consented"];
            return LocalRedirect($"/applications/{id}/fiscal-host");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Mediator.Send(new DeclineAsFiscalHostCommand(id), cancellationToken).AsTask()))
        {
            Confirmation = Text["FiscalHost.Declined"];
            return LocalRedirect($"/applications/{id}/fiscal-host");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        HostRequest = await Mediator.Send(new GetFiscalHostRequestQuery(id), cancellationToken);
    }
}
