using GrantHub.Api.Features.Applications;
using GrantHub.Core.Applications;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Applications;

/// <summary>
/// A partner organisation's members read their own share of the budget per grant year (and why they are asked again
/// after a change) and confirm that share or decline. The confirmation names the share's fingerprint as the page
/// showed it: a share changed in between is refused and shown again.
/// </summary>
public sealed class PartnershipModel : WebPage
{
    public ApplicationResponse Application { get; private set; } = null!;
    public ApplicationMemberResponse Me { get; private set; } = null!;
    public ConsortiumMemberStatus MyStatus => Me.Status;

    [BindProperty] public string? BudgetFingerprint { get; set; }

    public async Task OnGetAsync(Guid id, Guid organisationId, CancellationToken cancellationToken) =>
        await LoadAsync(id, organisationId, cancellationToken);

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, Guid organisationId, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Mediator.Send(new ConfirmPartnershipCommand(id, organisationId, BudgetFingerprint ?? ""), cancellationToken).AsTask()))
        {
            Confirmation = Text["Partnership.Confirmed"];
            return LocalRedirect($"/applications/{id}");
        }

        await LoadAsync(id, organisationId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, Guid organisationId, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Mediator.Send(new DeclinePartnershipCommand(id, organisationId), cancellationToken).AsTask()))
        {
            Confirmation = Text["Partnership.Declined"];
            return LocalRedirect("/home");
        }

        await LoadAsync(id, organisationId, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, Guid organisationId, CancellationToken cancellationToken)
    {
        Application = await Mediator.Send(new GetApplicationQuery(id), cancellationToken);
        Me = Application.Members.FirstOrDefault(m => m.OrganisationId == organisationId && m.Role == ConsortiumRole.Partner)
            ?? throw new GrantHub.Core.Common.NotFoundException("Partner", organisationId);
        BudgetFingerprint = Me.BudgetFingerprint;
        ModelState.Remove(nameof(BudgetFingerprint));
    }
}
