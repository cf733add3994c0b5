using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Account;

/// <summary>After signing in again: the form that the expired session could not take, ready to send once more.</summary>
public sealed class ResumeModel(FormStash stash) : WebPage
{
    public StashedForm? Form { get; private set; }

    public IActionResult OnGet(string? key)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return LocalRedirect("/account/login");
        }

        Form = stash.Take(key);
        if (Form is null || !Url.IsLocalUrl(Form.Target))
        {
            return LocalRedirect("/home");
        }

        return Page();
    }
}
