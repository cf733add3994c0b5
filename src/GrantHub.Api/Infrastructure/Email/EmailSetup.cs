using GrantHub.Core.Data;
using GrantHub.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Infrastructure.Email;

public static class EmailSetup
{
    /// <summary>The notifier (in-app notifications, the e-mail outbox), SMTP and public-URL settings (validated at start-up), the MailKit sender and the outbox health check.</summary>
    public static IServiceCollection AddGrantHubEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddOptions<AppOptions>().Bind(configuration.GetSection(AppOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AppOptions>, AppOptionsValidator>();
        services.AddScoped<Notifier>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddHealthChecks().AddCheck<EmailOutboxHealthCheck>("email", tags: ["ready"]);
        return services;
    }
}

/// <summary>
/// Readiness stays 200 but turns <c>Degraded</c> while e-mails have failed <see cref="SmtpOptions.MaxAttempts"/> times
/// and are still waiting (typically: the mail server has been unreachable for hours). Nothing is lost meanwhile.
/// </summary>
internal sealed class EmailOutboxHealthCheck(GrantHubDbContext db, IOptions<SmtpOptions> smtp) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var options = smtp.Value;
        if (!options.Enabled)
        {
            return HealthCheckResult.Healthy("E-mail is not configured: notifications are in-app only.");
        }

        var overdue = await db.Notifications.CountAsync(
            n => n.Email == EmailDelivery.Pending && n.EmailAttempts >= options.MaxAttempts,
            cancellationToken);
        return overdue == 0
            ? HealthCheckResult.Healthy("E-mail outbox is flowing.")
            : HealthCheckResult.Degraded($"{overdue} e-mails are still undelivered after {options.MaxAttempts} attempts or more; check the mail server.");
    }
}
