using GrantHub.Api.Features.Auth;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Account;

/// <summary>The second step of signing in, for an account with a second factor: its app's code, or a recovery code.</summary>
public sealed class LoginCodeModel(SignInManager<ApplicationUser> signIn, SecondFactorCheck secondFactor) : WebPage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Resume { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            // The password step is older than five minutes, or never happened.
            return RedirectToPage("/Account/Login");
        }

        if (string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(RecoveryCode))
        {
            ModelState.AddModelError(nameof(Code), Text["Validation.Required"]);
            return Page();
        }

        var outcome = await secondFactor.CheckAsync(user, Code, RecoveryCode, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (!outcome.Passed)
        {
            ModelState.AddModelError(string.Empty, outcome.Throttled ? Text["Account.LockedOut"] : Text["TwoFactor.WrongCode"]);
            Code = RecoveryCode = null;
            return Page();
        }

        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [SecondFactor.Proof]);
        return LoginModel.AfterSignIn(Url, ReturnUrl, Resume);
    }
}
