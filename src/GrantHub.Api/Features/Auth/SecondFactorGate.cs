using GrantHub.Api.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Features.Auth;

/// <summary>
/// Admins, programme officers and finance officers act only in a session signed in with a second factor. Until then every
/// route or page that needs a signed-in user is refused, except their own account (<c>GET /api/me</c>, <c>/api/me/two-factor</c>,
/// the <c>/auth</c> routes and the <c>/account</c> pages) and signing out: the API answers 403 with rule <c>second-factor-required</c>, the web
/// sends them to the enrolment page. Being enrolled is not enough: a session opened with the password alone, before
/// enrolment, stays refused until it proves the factor.
/// </summary>
public sealed class SecondFactorGate(RequestDelegate next)
{
    public const string EnrolmentPage = "/account/two-factor";

    private static readonly string[] OpenPaths = ["/api/me/two-factor", "/auth", "/account"];

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.User.Identity?.IsAuthenticated != true
            || !SecondFactor.IsRequiredFor(context.User)
            || SecondFactor.WasProvedBy(context.User)
            || !NeedsSignedInUser(context)
            || IsOwnAccount(context.Request.Path))
        {
            await next(context);
            return;
        }

        if (WebSetup.IsPageRequest(context))
        {
            context.Response.Redirect(EnrolmentPage);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Second factor required",
                Detail = "Staff act only after signing in with a second factor. Enrol an authenticator app (/api/me/two-factor), then sign in again with its code.",
                Extensions = { ["rule"] = SecondFactor.RequiredRule },
            },
        });
    }

    /// <summary>Every API route and every page that needs a user; what is explicitly public (open calls, sign-in, the stylesheet) stays public.</summary>
    private static bool NeedsSignedInUser(HttpContext context) =>
        context.GetEndpoint()?.Metadata is { } metadata
        && metadata.GetMetadata<IAllowAnonymous>() is null
        && (metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 || context.Request.Path.StartsWithSegments("/api"));

    private static bool IsOwnAccount(PathString path) =>
        path.Equals("/api/me", StringComparison.OrdinalIgnoreCase) || OpenPaths.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase));
}
