using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace GrantHub.Api.Features.Auth;

/// <summary>
/// Checks the browser cookie (pages, and the API's <c>?useCookies=true</c>) on every request, as
/// <see cref="SessionValidationMiddleware"/> checks bearer tokens: one query that the account's security stamp is still
/// the one the cookie was issued with and that the account is not disabled; otherwise the request is anonymous and the
/// cookie is removed. Every change that must end a browser session changes the stamp: a new password or email, the
/// second factor turned on or reset, a disabled account, a hidden organisation's members, an erasure. Roles are given
/// when an account is created (the first-admin bootstrap that promotes an existing account changes its stamp), so the
/// cookie's principal is not rebuilt, and the cookie is renewed by the handler's sliding expiration, not on every
/// answer. Identity's security stamp validator with a zero interval, used before, sent five queries, rebuilt the
/// principal and re-issued the cookie on every request.
/// </summary>
public static class CookieStampCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (context.Principal is not { } principal
            || !await services.GetRequiredService<AccountSessions>().IsCookieCurrentAsync(principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await services.GetRequiredService<SignInManager<ApplicationUser>>().SignOutAsync();
        }
    }
}
