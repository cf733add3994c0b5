using GrantHub.Api.Features;
using GrantHub.Api.Features.Auth;
using GrantHub.Api.Infrastructure.Uploads;
using GrantHub.Api.Infrastructure.Database;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Idempotency;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Observability;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Api.Web;
using GrantHub.Core.Identity;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
// The host logs a failed start with its whole stack trace before rethrowing; the one failure people meet (a port in
// use) is told in one line below, and any other still ends the process with its exception.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
if (ProductionSettings.Problems(builder.Configuration, builder.Environment) is { Count: > 0 } problems)
{
    Console.Error.WriteLine(ProductionSettings.Describe(problems));
    return 1;
}

builder.Services.AddGrantHubFieldEncryption(builder.Configuration, builder.Environment);
builder.Services.AddGrantHubDatabase(builder.Configuration);
builder.Services.AddGrantHubPipeline();
builder.Services.AddGrantHubWeb(builder.Configuration);
builder.Services.AddDataProtection().ProtectKeysAtRest(builder.Configuration, builder.Environment);
builder.Services.AddGrantHubPages(builder.Configuration, builder.Environment);
// The stylesheet is served from the build output in every environment (tests included), not only Development.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddGrantHubEmail(builder.Configuration);
builder.Services.AddGrantHubJobs(builder.Configuration);
builder.Services.AddGrantHubIdempotency();
builder.Services.AddGrantHubSeeding();
builder.Services.AddGrantHubFeatures();
builder.Services.AddGrantHubTelemetry(builder.Configuration);
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue("Limits:MaxRequestBodyBytes", 1_048_576L));
builder.Services.AddGrantHubUploads(builder.Configuration);

var app = builder.Build();

// The schema is made current while the request pipeline below is configured and the web server builds its endpoints;
// whatever needs the database waits for it (docs/architecture.md, "Start-up").
_ = app.Services.GetRequiredService<DatabasePreparation>().Prepared;

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStartupGate();
app.UseGrantHubPages();
// Explicit, after the status-code pages, so that a re-executed request (e.g. /error/404) is routed again.
app.UseRouting();
app.UseRequestSizeLimit();
app.UseMiddleware<OneConnectionPerSignedInRequest>();
app.UseAuthentication();
app.UseMiddleware<SessionValidationMiddleware>();
app.UseMiddleware<SecondFactorGate>();
app.UseAuthorization();
app.UseRateLimiter();

app.MapGrantHubFeatures();
app.MapGrantHubPages();

app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
if (ProductionSettings.ServesApiReference(app.Configuration, app.Environment))
{
    app.MapOpenApi();
    app.MapScalarApiReference("/scalar");
}

app.MapGrantHubTelemetry();

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Log(app));

// On SQL Server the dashboard's job storage waits here for the database, since it installs its tables when created.
app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Admin, "/hangfire", new DashboardOptions { Authorization = [] });

var stopping = app.Lifetime.ApplicationStopping;
try
{
    await app.StartAsync();
    await app.WaitForShutdownAsync();
}
catch (IOException listening) when (listening.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    await Console.Error.WriteLineAsync($"GrantHub cannot start: {listening.Message} Stop the program using it, or choose another with --urls.");
    return 1;
}
catch (StartRefusedException refused)
{
    await Console.Error.WriteLineAsync(refused.Message);
    return 1;
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    // Stopped (Ctrl+C, SIGTERM) while the start-up preparation was still running.
}
finally
{
    // However the run ended, the start-up work ends first: a migration cut short leaves the database half made and
    // SQLite's migration lock taken, and work still running would meet disposed services.
    await app.Services.GetRequiredService<StartupPreparation>().Settled;
    await app.DisposeAsync();
}

return 0;

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
