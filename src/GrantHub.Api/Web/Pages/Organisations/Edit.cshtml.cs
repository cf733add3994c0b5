using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Features.Users;
using GrantHub.Core.Organisations;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Organisations;

/// <summary>
/// Owners edit the profile. The form carries the version it was filled from: if another owner saved in between,
/// nothing is saved and the refusal says so, with what was typed kept. Other members get the 403 page.
/// </summary>
public sealed class EditModel : OrganisationProfilePage
{
    [BindProperty] public long Version { get; set; }

    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var organisation = await Mediator.Send(new GetOrganisationQuery(id), cancellationToken);
        if (!await IsOwnerAsync(id, cancellationToken))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Name = organisation.Name;
        Country = organisation.Country;
        Type = organisation.Type;
        RegistrationNumber = organisation.RegistrationNumber;
        AnnualBudget = organisation.AnnualBudget is { } budget ? WebText.Typed(budget) : null;
        WomenLed = organisation.WomenLed;
        Sensitive = organisation.Sensitive;
        Alias = organisation.Alias;
        Version = organisation.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var budgetRead = TryReadBudget(out var budget);
        var command = new UpdateOrganisationCommand(id, Name ?? "", Country ?? "", Type, RegistrationNumber, budget, WomenLed, Sensitive, Version, Alias);
        if (!budgetRead)
        {
            await ValidateOnlyAsync(command, cancellationToken);
            return Page();
        }

        var saved = await TryAsync(() => Mediator.Send(command, cancellationToken).AsTask());
        if (!saved)
        {
            return Page();
        }

        Confirmation = Text["Organisation.Saved"];
        return LocalRedirect($"/organisations/{id}");
    }

    private async Task<bool> IsOwnerAsync(Guid id, CancellationToken cancellationToken) =>
        (await Mediator.Send(new GetMyMembershipsQuery(), cancellationToken)).Owns(id);
}
