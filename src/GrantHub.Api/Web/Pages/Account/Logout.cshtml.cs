using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<ApplicationUser> signIn) : WebPage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
