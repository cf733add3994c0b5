using System.Security.Claims;
using GrantHub.Api.Infrastructure.Security;

namespace GrantHub.Api.Features.Auth;

/// <summary>
/// Checks every bearer request against the database (one indexed query, no cache): a token whose session was ended, whose
/// account changed its password or was disabled, or that predates sessions, is treated as anonymous and so answered 401.
/// </summary>
public sealed class SessionValidationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AccountSessions sessions)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && BearerTokens.CarriedBy(context.Request)
            && !await sessions.IsTokenCurrentAsync(context.User, context.RequestAborted))
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next(context);
    }
}
