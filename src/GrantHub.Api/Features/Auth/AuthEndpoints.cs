using System.Globalization;
using System.Security.Claims;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Identity;
using Mediator;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.Auth;

/// <summary>
/// The password, and for an account with a second factor the code of its authenticator app or one of its recovery codes
/// (the field names of Identity's own login request).
/// </summary>
public record SignInRequest(
    string Email,
    [property: SensitiveData] string Password,
    [property: SensitiveData] string? TwoFactorCode = null,
    [property: SensitiveData] string? TwoFactorRecoveryCode = null);

public record RefreshSessionRequest(string RefreshToken);

/// <summary>
/// Sign-in, registration, refresh and logout. Unknown address, wrong password and disabled account get the same 401 after
/// the same password-hashing work; repeated failures from one address for one account name are slowed, never locked.
/// </summary>
public static class AuthEndpoints
{
    private const string SignInFailed = "The e-mail address or the password is wrong.";

    public static void MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/auth").WithTags("Auth").RequireRateLimiting(RateLimiting.AuthPolicy);

        auth.MapPost("/register", async (RegisterAccountCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .ProducesValidationProblem()
            .WithSummary("Open an applicant account (at least 12 characters, not a common password); the answer never says whether the address already had one");

        auth.MapPost("/login", SignInAsync)
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Sign in: a bearer access token and a single-use refresh token (or, with ?useCookies=true, a browser cookie). "
                + "An account with a second factor also sends twoFactorCode (authenticator app) or twoFactorRecoveryCode; without one the answer is 401 with rule second-factor-code-required");

        auth.MapPost("/refresh", RefreshAsync)
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Trade a refresh token for new tokens; each refresh token works once, and a reused one ends its session");

        auth.MapPost("/logout", async (ClaimsPrincipal user, AccountSessions sessions, CancellationToken ct) =>
            {
                if (Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
                    && user.FindFirstValue(AccountSessions.SessionClaim) is { } session)
                {
                    await sessions.RevokeAsync(userId, session, ct);
                }

                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("End this session: its access and refresh tokens stop working");

        auth.MapPost("/password", async (ChangePasswordCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Change the password; every session of the account ends");

        var twoFactor = routes.MapGroup("/api/me/two-factor").WithTags("Auth").WithProblemResponses().RequireAuthorization();

        twoFactor.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetTwoFactorStatusQuery(), ct))
            .WithSummary("Whether this account signs in with a second factor, whether its roles require one, recovery codes left, and a key waiting to be enrolled");

        twoFactor.MapPost("/setup", (IMediator mediator, CancellationToken ct) => mediator.Send(new BeginTwoFactorEnrolmentCommand(), ct))
            .WithSummary("A new authenticator key (and its otpauth:// address) for an account not yet enrolled");

        twoFactor.MapPost("/enable", (EnableTwoFactorCommand command, IMediator mediator, CancellationToken ct) => mediator.Send(command, ct))
            .WithSummary("Enrol with a first code of the authenticator app: ten recovery codes, shown once; every session ends, sign in again with a code");

        twoFactor.MapPost("/recovery-codes", (IMediator mediator, CancellationToken ct) => mediator.Send(new RenewRecoveryCodesCommand(), ct))
            .WithSummary("Ten new recovery codes; the previous ones stop working");

        twoFactor.MapPost("/disable", (IMediator mediator, CancellationToken ct) => mediator.Send(new DisableTwoFactorCommand(), ct))
            .WithSummary("Turn the second factor off; every session ends (staff must enrol again before acting)");
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> SignInAsync(
        SignInRequest request,
        bool? useCookies,
        HttpContext context,
        CredentialCheck credentials,
        SecondFactorCheck secondFactor,
        SignInManager<ApplicationUser> signIn,
        AccountSessions sessions,
        CancellationToken cancellationToken)
    {
        var outcome = await credentials.CheckAsync(request.Email, request.Password, context.Connection.RemoteIpAddress?.ToString());
        if (outcome.Throttled)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(outcome.Wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many failed sign-ins",
                detail: "Too many failed sign-ins for this e-mail address from this address. Wait and try again.");
        }

        if (outcome.User is not { } user)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: SignInFailed);
        }

        var signedIn = await signIn.CreateUserPrincipalAsync(user);
        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(request.TwoFactorCode) && string.IsNullOrWhiteSpace(request.TwoFactorRecoveryCode))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Second factor needed",
                    detail: "This account signs in with a second factor: send the code of its authenticator app as twoFactorCode, or a recovery code as twoFactorRecoveryCode.",
                    extensions: new Dictionary<string, object?> { ["rule"] = "second-factor-code-required" });
            }

            var checkedFactor = await secondFactor.CheckAsync(user, request.TwoFactorCode, request.TwoFactorRecoveryCode, context.Connection.RemoteIpAddress?.ToString());
            if (checkedFactor.Throttled)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(checkedFactor.Wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong codes",
                    detail: "Too many wrong codes for this account from this address. Wait and try again.");
            }

            if (!checkedFactor.Passed)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                    detail: "The code is wrong or expired, or the recovery code was already used.",
                    extensions: new Dictionary<string, object?> { ["rule"] = "second-factor-code-wrong" });
            }

            ((ClaimsIdentity)signedIn.Identity!).AddClaim(SecondFactor.Proof);
        }

        if (useCookies == true)
        {
            // For the browser pages (e.g. /hangfire): Identity's cookie, whose stamp is checked on every request.
            return TypedResults.SignIn(signedIn, authenticationScheme: IdentityConstants.ApplicationScheme);
        }

        var principal = await sessions.StartAsync(user, signedIn, cancellationToken);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshSessionRequest request,
        IOptionsMonitor<BearerTokenOptions> bearer,
        TimeProvider clock,
        SignInManager<ApplicationUser> signIn,
        AccountSessions sessions,
        CancellationToken cancellationToken)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is { } expires && clock.GetUtcNow() < expires
            && await signIn.ValidateSecurityStampAsync(ticket.Principal) is { } user
            && await sessions.RotateAsync(user.Id, ticket.Principal, await signIn.CreateUserPrincipalAsync(user), cancellationToken) is { } principal)
        {
            SecondFactor.CarryProof(ticket.Principal, principal);
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Refresh refused",
            detail: "This refresh token is expired, already used, or its session has ended. Sign in again.");
    }
}
