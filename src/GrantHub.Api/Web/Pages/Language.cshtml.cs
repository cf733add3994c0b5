using GrantHub.Api.Features.Users;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages;

/// <summary>
/// The language switch on every page: the choice is remembered for a year, then Accept-Language decides. A signed-in
/// person's choice is also kept on her account: her notifications and e-mails are written in it.
/// </summary>
public sealed class LanguageModel : WebPage
{
    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl, CancellationToken cancellationToken)
    {
        if (WebSetup.Cultures.Any(c => c.Name == culture))
        {
            if (User.Identity?.IsAuthenticated == true)
            {
                await Mediator.Send(new SetPreferredLanguageCommand(culture!), cancellationToken);
            }

            Response.Cookies.Append(
                LanguageCookie.Name,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = Request.IsHttps });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
