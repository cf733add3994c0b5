using System.Security.Claims;
using GrantHub.Api.Features.Auth;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

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

        if (user.TwoFactorEnabled)
        {
            // As Identity's own two-step sign-in: a short-lived cookie names the account until its code is checked.
            var pending = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
            pending.AddClaim(new Claim(ClaimTypes.Name, user.Id.ToString()));
            await HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
            return LocalRedirect(QueryHelpers.AddQueryString("/account/login-code", new Dictionary<string, string?>
            {
                ["returnUrl"] = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null,
                ["resume"] = Resume,
            }));
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return AfterSignIn(Url, ReturnUrl, Resume);
    }

    /// <summary>Where a completed sign-in goes: the kept form, the page asked for, or home.</summary>
    public static LocalRedirectResult AfterSignIn(IUrlHelper url, string? returnUrl, string? resume) =>
        new(resume is not null
            ? $"/account/resume?key={Uri.EscapeDataString(resume)}"
            : url.IsLocalUrl(returnUrl) ? returnUrl : "/home");
}
