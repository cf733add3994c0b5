using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.Auth;

/// <summary>
/// Checks every bearer request against the database (one indexed query, no cache): a token whose session was ended, whose
/// account changed its password or was disabled, or that predates sessions, is treated as anonymous and so answered 401.
/// </summary>
public sealed class SessionValidationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AccountSessions sessions, IOptions<IdentityOptions> identity)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var valid = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
                && user.FindFirstValue(AccountSessions.SessionClaim) is { } session
                && user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) is { } stamp
                && await sessions.IsValidAsync(userId, session, stamp, context.RequestAborted);
            if (!valid)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }

        await next(context);
    }
}
