using GrantHub.Api.Features.Organisations;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Organisations;

public sealed class CreateModel : OrganisationProfilePage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!TryReadBudget(out var budget))
        {
            return Page();
        }

        OrganisationResponse? created = null;
        var saved = await TryAsync(async () => created = await Mediator.Send(
            new CreateOrganisationCommand(Name ?? "", Country ?? "", Type, RegistrationNumber, budget, WomenLed, Sensitive, Alias), cancellationToken));
        if (!saved)
        {
            return Page();
        }

        Confirmation = Text["Organisation.Created"];
        return LocalRedirect($"/organisations/{created!.Id}");
    }
}
