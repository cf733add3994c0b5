using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Infrastructure.Email;

/// <summary>E-mail delivery of notifications (section <c>Smtp</c>). An empty <see cref="Host"/> means in-app only.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender's address; <see cref="FromName"/> is shown as its display name.</summary>
    public string? From { get; set; }

    public string FromName { get; set; } = "GrantHub";

    /// <summary>Require STARTTLS before anything else is said; false only for a plain server on loopback or a private network.</summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>Notifications claimed and sent over one SMTP connection.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Attempts after which a message the server keeps refusing is given up (<c>Failed</c>), and after which an
    /// unreachable server is reported (warning log, <c>Degraded</c> readiness). Messages are never given up
    /// because the server is unreachable: they go out once it is back.
    /// </summary>
    public int MaxAttempts { get; set; } = 10;

    [MemberNotNullWhen(true, nameof(Host))]
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>Settings of the whole application (section <c>App</c>).</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>Where users reach GrantHub (e.g. <c>https://grants.example.org</c>); turns links in e-mails into absolute URLs.</summary>
    public string? PublicBaseUrl { get; set; }
}

internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add("Smtp:Port must be between 1 and 65535.");
        }

        if (string.IsNullOrWhiteSpace(options.From) || !MailAddress.TryCreate(options.From, out var from) || from.Address != options.From.Trim())
        {
            failures.Add("Smtp:From must be the sender's e-mail address (e.g. granthub@example.org) when Smtp:Host is set.");
        }

        if (string.IsNullOrWhiteSpace(options.FromName))
        {
            failures.Add("Smtp:FromName must not be empty.");
        }

        if (!string.IsNullOrEmpty(options.Password) && string.IsNullOrWhiteSpace(options.Username))
        {
            failures.Add("Smtp:Password is set but Smtp:Username is not.");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            failures.Add("Smtp:BatchSize must be between 1 and 1000.");
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add("Smtp:MaxAttempts must be between 1 and 100.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

internal sealed class AppOptionsValidator : IValidateOptions<AppOptions>
{
    public ValidateOptionsResult Validate(string? name, AppOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl)
        || (Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("App:PublicBaseUrl must be an absolute http(s) URL such as https://grants.example.org.");
}
