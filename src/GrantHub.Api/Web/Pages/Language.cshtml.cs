using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages;

/// <summary>The language switch on every page: the choice is remembered for a year, then Accept-Language decides.</summary>
public sealed class LanguageModel : WebPage
{
    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (WebSetup.Cultures.Any(c => c.Name == culture))
        {
            Response.Cookies.Append(
                LanguageCookie.Name,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = Request.IsHttps });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
