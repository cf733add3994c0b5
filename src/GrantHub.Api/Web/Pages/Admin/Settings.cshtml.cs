using System.Globalization;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Features.OpenData;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Web.Pages.Admin;

/// <summary>A setting in force; <see cref="Secret"/> settings show only whether they are set, never their value.</summary>
public record SettingInForce(string Name, string Value, bool Secret = false);

/// <summary>The settings in force, read-only: what an admin checks before asking why the platform behaves as it does.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class SettingsModel(
    IConfiguration configuration,
    IOptions<EmergencyOptions> emergency,
    IOptions<SmtpOptions> smtp,
    IOptions<OpenDataOptions> openData) : WebPage
{
    public IReadOnlyList<SettingInForce> Settings { get; private set; } = [];

    public void OnGet()
    {
        var invariant = CultureInfo.InvariantCulture;
        Settings =
        [
            new("Database:Provider", configuration.GetValue("Database:Provider", "Sqlite")!),
            new("Demo:Seed", configuration.GetValue("Demo:Seed", false).ToString()),
            new("Hangfire:Server:Enabled", configuration.GetValue("Hangfire:Server:Enabled", true).ToString()),
            new("Emergency:DecisionPromiseHours", emergency.Value.DecisionPromiseHours.ToString(invariant)),
            new("Emergency:EscalationHours", emergency.Value.EscalationHours.ToString(invariant)),
            new("Emergency:PerOrganisationLimit", string.Join(", ", emergency.Value.PerOrganisationLimit.Select(l => string.Create(invariant, $"{l.Key} {l.Value}")))),
            new("Smtp:Host", smtp.Value.Host ?? ""),
            new("Smtp:Port", smtp.Value.Port.ToString(invariant)),
            new("Smtp:From", smtp.Value.From ?? ""),
            new("Smtp:Username", smtp.Value.Username ?? ""),
            new("Smtp:Password", IsSet(smtp.Value.Password), Secret: true),
            new("OpenData:Publish", openData.Value.Publish.ToString()),
            new("OpenData:IdentifierPrefix", openData.Value.IdentifierPrefix),
            new("OpenData:FunderIdentifier", openData.Value.FunderIdentifier),
            new("OpenData:PseudonymSecret", IsSet(openData.Value.PseudonymSecret), Secret: true),
        ];
    }

    private string IsSet(string? secret) => Text[string.IsNullOrEmpty(secret) ? "Admin.SecretNotSet" : "Admin.SecretSet"];
}
