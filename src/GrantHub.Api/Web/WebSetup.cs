using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using GrantHub.Api.Features.Auth;
using GrantHub.Core.Common;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace GrantHub.Api.Web;

/// <summary>
/// The browser application: Razor Pages under <c>Web/Pages</c>, in the API's host so that page handlers send the very
/// same mediator commands and queries as the endpoints (one set of validation, transactions, audit and access rules).
/// </summary>
public static class WebSetup
{
    public const string SignedIn = "WebSignedIn";
    public static readonly CultureInfo[] Cultures = [new("en"), new("fr")];

    public static IServiceCollection AddGrantHubPages(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddLocalization();
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, CachedTextsFactory>());
        // Accented letters travel as themselves, not as &#xE9; entities: fewer bytes for French pages.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web/Pages";
            options.Conventions.AuthorizeFolder("/", SignedIn);
            options.Conventions.AddPageRoute("/Officer/CallEditor", "/calls/{id:guid}/edit");
            options.Conventions.AllowAnonymousToPage("/Index");
            options.Conventions.AllowAnonymousToFolder("/Account");
            options.Conventions.AllowAnonymousToPage("/Calls/Index");
            options.Conventions.AllowAnonymousToPage("/Calls/Details");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AllowAnonymousToPage("/Language");
        });
        services.AddAuthorizationBuilder().AddPolicy(SignedIn, policy => policy
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, KeepFormOnExpiredSession>();
        services.AddSingleton<FormStash>();
        services.AddMemoryCache();

        var requireHttps = configuration.GetValue("Web:SecureCookies", !environment.IsDevelopment());
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/error/403";
            cookie.Cookie.Name = "granthub.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = CookieStampCheck.ValidateAsync;
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "granthub.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Lax;
            // Secure on every https request; an http request (the job dashboard behind a TLS proxy without forwarded
            // headers, or tests) still gets its forms instead of a 500. The session cookie itself stays Always.
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<RequestLocalizationOptions>(localization =>
        {
            localization.DefaultRequestCulture = new RequestCulture("en");
            localization.SupportedCultures = Cultures;
            localization.SupportedUICultures = Cultures;
            localization.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = LanguageCookie.Name },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        services.AddResponseCompression(compression =>
        {
            // Applicants pay for every byte; pages carry no secret that an attacker could also inject (BREACH needs both).
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
        });
        return services;
    }

    /// <summary>Middleware before routing: compression, language, and the browser's status pages.</summary>
    public static void UseGrantHubPages(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseRequestLocalization();
        app.UseWhen(IsPageRequest, web =>
        {
            web.UseExceptionHandler("/error/500");
            web.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.User.Identity?.IsAuthenticated == true && !context.Response.Headers.ContainsKey("Cache-Control"))
                {
                    context.Response.Headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next();
        });
    }

    public static void MapGrantHubPages(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
    }

    /// <summary>A browser page rather than the API, the job dashboard or an operations route.</summary>
    public static bool IsPageRequest(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/auth")
        && !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/scalar")
        && !context.Request.Path.StartsWithSegments("/openapi") && !context.Request.Path.StartsWithSegments("/hangfire");
}

/// <summary>The language the person chose, remembered for a year.</summary>
public static class LanguageCookie
{
    public const string Name = "granthub.language";
}
