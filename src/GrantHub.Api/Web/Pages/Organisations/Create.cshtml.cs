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
        var budgetRead = TryReadBudget(out var budget);
        var command = new CreateOrganisationCommand(Name ?? "", Country ?? "", Type, RegistrationNumber, budget, WomenLed, Sensitive, Alias);
        if (!budgetRead)
        {
            await ValidateOnlyAsync(command, cancellationToken);
            return Page();
        }

        OrganisationResponse? created = null;
        var saved = await TryAsync(async () => created = await Mediator.Send(command, cancellationToken));
        if (!saved)
        {
            return Page();
        }

        Confirmation = Text["Organisation.Created"];
        return LocalRedirect($"/organisations/{created!.Id}");
    }
}
