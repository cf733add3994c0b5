using GrantHub.Api.Features.Organisations;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Organisations;

/// <summary>
/// The panic switch's confirmation: what hiding does, then one button. An owner who hides her organisation is signed out
/// with every other member, so she lands on the start page; a programme officer goes back to the profile.
/// </summary>
public sealed class HideModel : WebPage
{
    public Guid Id { get; private set; }

    public int MemberCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var organisation = await Mediator.Send(new GetOrganisationQuery(id), cancellationToken);
        if (!MayHide(organisation))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        MemberCount = organisation.Members.Count;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!await TryAsync(() => Mediator.Send(new HideOrganisationCommand(id), cancellationToken).AsTask()))
        {
            return Page();
        }

        if (!User.IsInRole(Roles.ProgrammeOfficer))
        {
            return LocalRedirect("/");
        }

        Confirmation = Text["Hide.Done"];
        return LocalRedirect($"/organisations/{id}");
    }

    /// <summary>The same people the command accepts: an owner of the organisation or a programme officer.</summary>
    private bool MayHide(OrganisationResponse organisation) =>
        User.IsInRole(Roles.ProgrammeOfficer)
        || organisation.Members.Any(m => m.Role == GrantHub.Core.Organisations.MembershipRole.Owner && m.UserId.ToString() == User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
}
