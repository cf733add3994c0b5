using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GrantHub.Api.Infrastructure.Http;

internal static class StartupBanner
{
    public static void Log(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var baseUrl = addresses.FirstOrDefault()?.Replace("0.0.0.0", "localhost").Replace("[::]", "localhost").Replace("+", "localhost") ?? "";
        app.Logger.LogInformation("GrantHub is listening on {Addresses}", string.Join(", ", addresses));
        app.Logger.LogInformation("Web application: {Url}/", baseUrl);
        if (ProductionSettings.ServesApiReference(app.Configuration, app.Environment))
        {
            app.Logger.LogInformation("API reference: {Url}/scalar  (OpenAPI document: {Url}/openapi/v1.json)", baseUrl, baseUrl);
        }

        if (app.Configuration.GetValue("Demo:Seed", false))
        {
            app.Logger.LogInformation(
                "Demo logins (password {Password}): {Accounts}",
                DemoData.Password,
                string.Join(", ", DemoData.Accounts.Select(a => a.Email)));
            app.Logger.LogInformation(
                "Demo admin, officer and finance logins also ask for a code: add the authenticator key {Key} to an app, or run oathtool --totp -b {Key}",
                DemoData.StaffAuthenticatorKey,
                DemoData.StaffAuthenticatorKey);
        }
    }
}
