using System.Text;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace GrantHub.Api.Web.Pages.Account;

/// <summary>Chooses a new password with the link's token; an invalid or used link says so without saying why.</summary>
public sealed class ResetPasswordModel(UserManager<ApplicationUser> users) : WebPage
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), Text["Validation.Required"]);
            return Page();
        }

        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email);
        string? token;
        try
        {
            token = Token is null ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Token));
        }
        catch (FormatException)
        {
            token = null;
        }

        if (user is null || token is null)
        {
            ModelState.AddModelError(string.Empty, Text["Account.ResetLinkInvalid"]);
            return Page();
        }

        var reset = await users.ResetPasswordAsync(user, token, Password);
        if (!reset.Succeeded)
        {
            foreach (var error in reset.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : string.Empty;
                var message = Text["Identity." + error.Code, users.Options.Password.RequiredLength];
                ModelState.AddModelError(field, message.ResourceNotFound ? error.Description : message.Value);
            }

            return Page();
        }

        Confirmation = Text["Account.PasswordChanged"];
        return LocalRedirect("/account/login");
    }
}
