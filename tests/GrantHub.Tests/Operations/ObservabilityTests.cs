using System.Collections.Concurrent;
using System.Net;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Features.Users;
using GrantHub.Api.Infrastructure.Observability;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Infrastructure;
using Hangfire.InMemory;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace GrantHub.Tests.Operations;

/// <summary>The application with the command log lines kept, structured.</summary>
public sealed class CommandLogFactory : GrantHubFactory
{
    public ConcurrentQueue<CommandLogLine> Lines { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new CommandLogProvider(Lines)));
    }

    private sealed class CommandLogProvider(ConcurrentQueue<CommandLogLine> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) =>
            categoryName.Contains("CommandLogBehavior", StringComparison.Ordinal) ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new CommandLogLine(
                logLevel,
                formatter(state, exception),
                (state as IEnumerable<KeyValuePair<string, object?>> ?? []).ToDictionary(v => v.Key, v => v.Value)));

        public void Dispose()
        {
        }
    }
}

public sealed record CommandLogLine(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Fields)
{
    public object? this[string field] => Fields.GetValueOrDefault(field);
}

public class ObservabilityTests(CommandLogFactory factory) : IClassFixture<CommandLogFactory>
{
    [Fact]
    public async Task A_command_logs_one_line_with_its_name_outcome_duration_user_and_object_and_never_the_names_it_carries()
    {
        var client = await factory.NewApplicant();
        var me = await (await client.GetAsync("/api/me")).ReadAs<MeResponse>();
        var name = $"Hidden Sisters Refuge {Guid.NewGuid():N}";
        var registration = $"REG-{Guid.NewGuid():N}";

        var organisation = await (await client.PostJson("/api/organisations", new CreateOrganisationCommand(
            name, "NP", OrganisationType.CommunityGroup, registration, 12_000m, WomenLed: true, Sensitive: true)))
            .ReadAs<OrganisationResponse>(HttpStatusCode.Created);

        var line = Assert.Single(factory.Lines, l => Equals(l["ObjectId"], organisation.Id));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("CreateOrganisation", line["Command"]);
        Assert.Equal(CommandOutcome.Succeeded, line["Outcome"]);
        Assert.Equal(me.Id, line["UserId"]);
        Assert.IsType<double>(line["DurationMs"]);
        Assert.DoesNotContain(factory.Lines, l => l.Message.Contains(name, StringComparison.Ordinal)
            || l.Message.Contains(registration, StringComparison.Ordinal)
            || l.Fields.Values.Any(v => v?.ToString()?.Contains("Hidden Sisters", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task A_refused_command_logs_its_outcome_code_and_none_of_the_input()
    {
        var client = await factory.NewApplicant();
        var name = $"Refused Sisters {Guid.NewGuid():N}";

        var response = await client.PostJson("/api/organisations", new CreateOrganisationCommand(
            name, "not-a-country", OrganisationType.CommunityGroup, null, null, WomenLed: true, Sensitive: false));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(factory.Lines, l => (string?)l["Command"] == "CreateOrganisation" && (string?)l["Outcome"] == CommandOutcome.Invalid);
        Assert.DoesNotContain(factory.Lines, l => l.Message.Contains(name, StringComparison.Ordinal) || l.Message.Contains("not-a-country", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_job_run_logs_what_it_found_did_and_failed()
    {
        await factory.WithScope(async services => await services.GetRequiredService<IMediator>().Send(new ReportDueRemindersCommand()));

        var line = factory.Lines.Last(l => (string?)l["Command"] == "ReportDueReminders");
        Assert.Equal(CommandOutcome.Succeeded, line["Outcome"]);
        Assert.IsType<int>(line["Found"]);
        Assert.IsType<int>(line["Done"]);
        Assert.Equal(0, line["Failed"]);
        Assert.Null(line["UserId"]);
    }

    [Fact]
    public async Task Readiness_covers_the_database_and_the_outbox_and_is_open_to_probes()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_waits_for_the_job_server_where_this_instance_runs_one()
    {
        using var withJobServer = GrantHubFactory.WithSettings(new Dictionary<string, string?> { ["Hangfire:Server:Enabled"] = "true" });
        using var anonymous = withJobServer.CreateClient();

        // The job server announces itself from a background thread: on a loaded CI machine that took over 10 s once.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var response = await anonymous.GetAsync("/health/ready");
        while (response.StatusCode != HttpStatusCode.OK && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
            response = await anonymous.GetAsync("/health/ready");
        }

        var noServer = await new JobServerHealthCheck(new InMemoryStorage()).CheckHealthAsync(new HealthCheckContext());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/health/ready after {waited.Elapsed}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(HealthStatus.Unhealthy, noServer.Status);
    }

    [Fact]
    public async Task Prometheus_metrics_are_for_admins_only_and_include_the_outbox_and_the_decision_promise()
    {
        var metrics = await (await factory.Admin()).GetAsync(Telemetry.MetricsPath);
        var asOfficer = await (await factory.Officer()).GetAsync(Telemetry.MetricsPath);
        using var anonymous = factory.CreateClient();
        var asAnonymous = await anonymous.GetAsync(Telemetry.MetricsPath);

        var text = await metrics.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("granthub_outbox_pending", text);
        Assert.Contains("granthub_outbox_oldest_age", text);
        Assert.Contains("granthub_emergency_promise_broken", text);
        Assert.Equal(HttpStatusCode.Forbidden, asOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asAnonymous.StatusCode);
    }
}
