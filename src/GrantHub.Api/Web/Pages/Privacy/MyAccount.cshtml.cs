using GrantHub.Api.Features.Privacy;
using GrantHub.Api.Features.Users;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Privacy;

/// <summary>The signed-in person's account, and the erasure of it on her request: her password and an explicit confirmation.</summary>
public sealed class MyAccountModel(SignInManager<ApplicationUser> signIn) : WebPage
{
    public MeResponse Me { get; private set; } = null!;

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public bool Confirmed { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Me = await Mediator.Send(new GetMeQuery(), cancellationToken);

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken cancellationToken)
    {
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), Text["MyAccount.EraseConfirmRequired"]);
        }
        else if (await TryAsync(async () => await Mediator.Send(new EraseMyAccountCommand(Password ?? ""), cancellationToken)))
        {
            await signIn.SignOutAsync();
            Confirmation = Text["MyAccount.Erased"];
            return LocalRedirect("/");
        }

        Me = await Mediator.Send(new GetMeQuery(), cancellationToken);
        return Page();
    }
}
