using System.Diagnostics;
using System.Diagnostics.Metrics;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using GrantHub.Core.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GrantHub.Api.Infrastructure.Observability;

/// <summary>
/// OpenTelemetry: traces of HTTP requests, EF Core commands and every command (jobs included), exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; and metrics of HTTP, command durations, the e-mail outbox and the 72-hour
/// emergency decision promise, scraped by Prometheus from <c>/metrics</c> (admins only) and exported over OTLP too.
/// </summary>
public static class Telemetry
{
    public const string Name = "GrantHub";
    public const string MetricsPath = "/metrics";

    public static readonly ActivitySource Commands = new(Name);

    public static IServiceCollection AddGrantHubTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddSingleton<GrantHubMetrics>();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(Name))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Name).AddAspNetCoreInstrumentation().AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });

        // Spans are only recorded when something exports them: an unexported span of every request and every database
        // command cost a measurable share of a short request's time (bench/http.sh).
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(Name).AddAspNetCoreInstrumentation().AddEntityFrameworkCoreInstrumentation().AddOtlpExporter());
        }

        return services;
    }

    /// <summary>The Prometheus scraping endpoint, for admins only; the gauges start with the host.</summary>
    public static WebApplication MapGrantHubTelemetry(this WebApplication app)
    {
        app.Services.GetRequiredService<GrantHubMetrics>();
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Policies.Admin);
        return app;
    }
}

/// <summary>
/// This host's instruments. The gauges are read when metrics are collected (a scrape or an export), each with one
/// small aggregate query.
/// </summary>
public sealed class GrantHubMetrics
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;

    public GrantHubMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock)
    {
        _scopes = scopes;
        _clock = clock;
        var meter = meters.Create(Telemetry.Name);
        CommandDuration = meter.CreateHistogram<double>("granthub.command.duration", "ms", "How long each command took, by command and outcome.");
        meter.CreateObservableGauge("granthub.outbox.pending", () => Read(OutboxLength), "{e-mail}", "E-mails waiting in the outbox.");
        meter.CreateObservableGauge("granthub.outbox.oldest_age", () => Read(OutboxAge), "s", "Age of the oldest e-mail waiting in the outbox.");
        meter.CreateObservableGauge(
            "granthub.emergency.awaiting_decision", () => Read(AwaitingDecision), "{request}", "Emergency requests submitted and not yet decided.");
        meter.CreateObservableGauge(
            "granthub.emergency.promise_broken", () => Read(PromiseBroken), "{request}", "Undecided emergency requests past their promised decision time (72 hours by default).");
    }

    public Histogram<double> CommandDuration { get; }

    private static int OutboxLength(GrantHubDbContext db, DateTimeOffset now) =>
        db.Notifications.Count(n => n.Email == EmailDelivery.Pending);

    private static double OutboxAge(GrantHubDbContext db, DateTimeOffset now)
    {
        var oldest = db.Notifications.Where(n => n.Email == EmailDelivery.Pending).Min(n => (DateTimeOffset?)n.CreatedAt);
        return oldest is null ? 0 : Math.Max(0, (now - oldest.Value).TotalSeconds);
    }

    private static int AwaitingDecision(GrantHubDbContext db, DateTimeOffset now) =>
        db.EmergencyRequests.Count(r => r.Status == EmergencyRequestStatus.Submitted);

    private static int PromiseBroken(GrantHubDbContext db, DateTimeOffset now) =>
        db.EmergencyRequests.Count(r => r.Status == EmergencyRequestStatus.Submitted && r.DecisionDueAt < now);

    private T Read<T>(Func<GrantHubDbContext, DateTimeOffset, T> query)
        where T : struct
    {
        using var scope = _scopes.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<GrantHubDbContext>(), _clock.GetUtcNow());
    }
}

/// <summary>Ready only while this instance's Hangfire server (when it runs one) has reported in the last minute.</summary>
internal sealed class JobServerHealthCheck(JobStorage storage) : IHealthCheck
{
    private static readonly TimeSpan HeartbeatTolerance = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Hangfire stamps heartbeats with the wall clock, not the application's TimeProvider.
        var since = DateTime.UtcNow - HeartbeatTolerance;
        var alive = storage.GetMonitoringApi().Servers().Count(server => server.Heartbeat >= since);
        return Task.FromResult(alive > 0
            ? HealthCheckResult.Healthy($"{alive} job server(s) alive.")
            : HealthCheckResult.Unhealthy("No job server has reported in the last minute: scheduled jobs are not running."));
    }
}
