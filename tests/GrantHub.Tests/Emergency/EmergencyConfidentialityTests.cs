using System.Collections.Concurrent;
using System.Net;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GrantHub.Tests.Emergency;

/// <summary>The application with every log category at Trace, every message kept.</summary>
public sealed class LogCapturingFactory : GrantHubFactory
{
    public ConcurrentQueue<string> Logs { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            logs.Enqueue(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                logs.Enqueue(string.Join(' ', values.Select(v => $"{v.Key}={v.Value}")));
            }

            if (exception is not null)
            {
                logs.Enqueue(exception.ToString());
            }
        }

        public void Dispose()
        {
        }
    }
}

public class EmergencyConfidentialityTests(LogCapturingFactory factory) : IClassFixture<LogCapturingFactory>
{
    [Fact]
    public async Task Justification_is_read_by_finance_programme_officers_and_the_organisation_only()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var justification = Secret();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, justification: justification));
        var url = $"{EmergencyTestData.Url}/{request.Id}";

        foreach (var entitled in new[] { member.Client, await factory.Finance(), await factory.Officer() })
        {
            Assert.Equal(justification, (await (await entitled.GetAsync(url)).ReadAs<EmergencyRequestResponse>()).Justification);
        }

        var admin = await factory.Admin();
        var read = await (await admin.GetAsync(url)).ReadAs<EmergencyRequestResponse>();
        Assert.Equal(request.Id, read.Id);
        Assert.Null(read.Justification);
        var listed = await (await admin.GetAsync($"{EmergencyTestData.Url}?fundId={fund.Id}")).ReadAs<PagedResponse<EmergencyRequestResponse>>();
        Assert.Null(Assert.Single(listed.Items).Justification);
        await (await (await factory.Reviewer()).GetAsync(url)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Justification_never_reaches_the_audit_trail_the_notifications_or_the_logs()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var justification = Secret();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, justification: justification));
        var finance = await factory.Finance();
        await (await finance.Approve(request.Id)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Pay(request.Id, factory.Today())).ShouldBe(HttpStatusCode.OK);
        await (await (await factory.Admin()).GetAsync($"{EmergencyTestData.Url}/{request.Id}")).ShouldBe(HttpStatusCode.OK);

        var audit = await (await (await factory.Admin()).GetAsync($"/api/audit?objectId={request.Id}")).ReadJson();
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        var submitted = entries.Single(e => e.GetProperty("command").GetString() == "SubmitEmergencyRequest");
        Assert.Equal(AuditPayload.Redacted, submitted.GetProperty("payload").GetProperty("justification").GetString());
        Assert.False(await factory.WithDb(db => db.AuditEntries.AnyAsync(a => a.Payload.Contains(justification))));
        Assert.False(await factory.WithDb(db => db.Notifications.AnyAsync(n => n.Body.Contains(justification) || n.Subject.Contains(justification))));
        Assert.DoesNotContain(factory.Logs, line => line.Contains(justification));
        Assert.NotEmpty(factory.Logs);
    }

    [Fact]
    public async Task Notification_subjects_name_an_organisation_unless_it_is_sensitive()
    {
        var partner = await factory.Partner();
        var sensitiveOrganisation = await factory.OrganisationIdOf(DemoData.PartnerOrganisationName);
        var named = await factory.NewOrganisationMember(name: "Sisters of the Valley Network");
        var fund = await factory.CreateRapidResponseFund();
        var finance = await factory.Finance();
        var sensitiveRequest = await partner.Submit(factory.Body(sensitiveOrganisation, fund.Id, amount: 250m));
        var namedRequest = await named.Client.Submit(factory.Body(named.OrganisationId, fund.Id, amount: 250m));
        foreach (var id in new[] { sensitiveRequest.Id, namedRequest.Id })
        {
            await (await finance.Approve(id)).ShouldBe(HttpStatusCode.OK);
            await (await finance.Pay(id, factory.Today())).ShouldBe(HttpStatusCode.OK);
        }

        var sensitiveTexts = await NotificationTexts(sensitiveRequest.Id);
        var namedTexts = await NotificationTexts(namedRequest.Id);

        Assert.True(sensitiveTexts.Count >= 3, "submitted, decided and paid notifications are expected");
        Assert.All(sensitiveTexts, text => Assert.DoesNotContain(DemoData.PartnerOrganisationName, text));
        Assert.Contains(namedTexts, text => text.Contains("Sisters of the Valley Network"));
    }

    [Fact]
    public async Task Finance_comments_and_rejection_reasons_never_reach_the_audit_trail_or_the_logs()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(approvalThreshold: 100m);
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 1_000m));
        var approvalComment = Secret();
        var rejectionReason = Secret();
        await (await (await factory.Finance()).Approve(request.Id, approvalComment)).ShouldBe(HttpStatusCode.OK);
        await (await (await factory.Finance2()).Reject(request.Id, rejectionReason)).ShouldBe(HttpStatusCode.OK);

        var audit = await (await (await factory.Admin()).GetAsync($"/api/audit?objectId={request.Id}")).ReadJson();
        var decisions = audit.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("command").GetString() == "DecideEmergencyRequest")
            .ToList();
        Assert.Equal(2, decisions.Count);
        Assert.All(decisions, e => Assert.Equal(AuditPayload.Redacted, e.GetProperty("payload").GetProperty("comment").GetString()));
        Assert.False(await factory.WithDb(db => db.AuditEntries.AnyAsync(a => a.Payload.Contains(approvalComment) || a.Payload.Contains(rejectionReason))));
        Assert.DoesNotContain(factory.Logs, line => line.Contains(approvalComment) || line.Contains(rejectionReason));
    }

    private static string Secret() => $"Safe house address {Guid.NewGuid():N}, Gitega";

    private Task<List<string>> NotificationTexts(Guid requestId) =>
        factory.WithDb(db => db.Notifications
            .Where(n => n.Link == $"/emergency/{requestId}")
            .Select(n => n.Subject + "\n" + n.Body)
            .ToListAsync());
}
