using GrantHub.Api.Features.Auth;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Account;

public sealed class LoginModel(SignInManager<ApplicationUser> signIn, CredentialCheck credentials) : WebPage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The key of a form kept when the session expired; sent again after sign-in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Resume { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), Text["Validation.Required"]);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), Text["Validation.Required"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await credentials.CheckAsync(Email, Password, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (outcome.User is not { } user)
        {
            ModelState.AddModelError(string.Empty, outcome.Throttled ? Text["Account.LockedOut"] : Text["Account.WrongCredentials"]);
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);

        if (Resume is not null)
        {
            return LocalRedirect($"/account/resume?key={Uri.EscapeDataString(Resume)}");
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/home");
    }
}
