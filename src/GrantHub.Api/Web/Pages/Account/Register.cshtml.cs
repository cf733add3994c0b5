using System.Globalization;
using GrantHub.Api.Features.Auth;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Account;

/// <summary>
/// An applicant creates her account (no role) through the same command as the API, whose answer never tells whether
/// the address already had an account; she then signs in. Staff accounts are made by admins.
/// </summary>
public sealed class RegisterModel : WebPage
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

        if (!ModelState.IsValid
            || !await TryAsync(() => Mediator.Send(new RegisterAccountCommand(Email!.Trim(), Password!, DisplayName!.Trim(), CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)).AsTask()))
        {
            return Page();
        }

        Confirmation = Text["Account.Registered"];
        return RedirectToPage("/Account/Login", new { email = Email!.Trim() });
    }
}
