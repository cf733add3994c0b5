using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Features.Users;
using GrantHub.Core.Identity;
using GrantHub.Core.Organisations;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Organisations;

/// <summary>
/// The profile, for its members and overseeing staff only (others get the 404 page); its title never names it.
/// Programme officers record the due diligence here, with the note only staff read. Owners and programme officers find
/// the panic switch here (its confirmation page is <c>/organisations/{id}/hide</c>); only a programme officer ends the hiding.
/// </summary>
public sealed class DetailsModel : WebPage
{
    public OrganisationResponse? Organisation { get; private set; }

    /// <summary>Owners may edit the profile.</summary>
    public bool IsOwner { get; private set; }

    public bool MayRecordDueDiligence => User.IsInRole(Roles.ProgrammeOfficer);

    [BindProperty] public DueDiligenceStatus DueDiligence { get; set; }

    [BindProperty] public string? Note { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        DueDiligence = Organisation!.DueDiligence;
        Note = Organisation.DueDiligenceNote;
    }

    public async Task<IActionResult> OnPostDueDiligenceAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!MayRecordDueDiligence)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await TryAsync(() => Mediator.Send(new RecordDueDiligenceCommand(id, DueDiligence, Note), cancellationToken).AsTask()))
        {
            Confirmation = Text["Organisation.DueDiligenceRecorded"];
            return LocalRedirect($"/organisations/{id}");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!MayRecordDueDiligence)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await TryAsync(() => Mediator.Send(new RevealOrganisationCommand(id), cancellationToken).AsTask()))
        {
            Confirmation = Text["Organisation.Revealed"];
            return LocalRedirect($"/organisations/{id}");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Organisation = await Mediator.Send(new GetOrganisationQuery(id), cancellationToken);
        IsOwner = (await Mediator.Send(new GetMyMembershipsQuery(), cancellationToken)).Owns(id);
    }
}
