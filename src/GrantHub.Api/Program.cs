using GrantHub.Api.Features;
using GrantHub.Api.Features.Auth;
using GrantHub.Api.Infrastructure.Database;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Idempotency;
using GrantHub.Api.Infrastructure.Jobs;
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
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue("Limits:MaxRequestBodyBytes", 1_048_576L));

var app = builder.Build();

if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
{
    await DatabaseSetup.MigrateAsync(app.Services);
}

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().EnsureAdminAsync();
    if (app.Configuration.GetValue("Demo:Seed", false))
    {
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
    }
}

RecurringJobs.ScheduleRecurringJobs(app.Services, app.Configuration);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseGrantHubPages();
// Explicit, after the status-code pages, so that a re-executed request (e.g. /error/404) is routed again.
app.UseRouting();
app.UseRequestSizeLimit();
app.UseAuthentication();
app.UseMiddleware<SessionValidationMiddleware>();
app.UseAuthorization();
app.UseRateLimiter();

app.MapGrantHubFeatures();
app.MapGrantHubPages();

app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapOpenApi();
app.MapScalarApiReference("/scalar");
app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Admin, "/hangfire", new DashboardOptions { Authorization = [] });

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Log(app));

await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
