using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Account;

/// <summary>An applicant creates her account (no role) and is signed in; staff accounts are made by admins.</summary>
public sealed class RegisterModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : WebPage
{
    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        foreach (var (field, value) in new[] { (nameof(DisplayName), DisplayName), (nameof(Email), Email), (nameof(Password), Password) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                ModelState.AddModelError(field, Text["Validation.Required"]);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = new ApplicationUser { UserName = Email!.Trim(), Email = Email.Trim(), DisplayName = DisplayName!.Trim() };
        var created = await users.CreateAsync(user, Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email);
                var message = Text["Identity." + error.Code, users.Options.Password.RequiredLength];
                ModelState.AddModelError(field, message.ResourceNotFound ? error.Description : message.Value);
            }

            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/home");
    }
}
