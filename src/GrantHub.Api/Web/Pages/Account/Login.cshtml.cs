using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Account;

public sealed class LoginModel(SignInManager<ApplicationUser> signIn) : WebPage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The key of a form kept when the session expired; sent again after sign-in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Resume { get; set; }

    [BindProperty]
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

        var result = await signIn.PasswordSignInAsync(Email!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.IsLockedOut ? Text["Account.LockedOut"] : Text["Account.WrongCredentials"]);
            return Page();
        }

        if (Resume is not null)
        {
            return LocalRedirect($"/account/resume?key={Uri.EscapeDataString(Resume)}");
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/home");
    }
}
