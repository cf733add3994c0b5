using System.Net;
using GrantHub.Api.Features.Notifications;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Seeding;
using GrantHub.Core.Notifications;
using GrantHub.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GrantHub.Tests.Notifications;

/// <summary>The e-mail outbox against a real SMTP server on loopback, one server and host per test.</summary>
public sealed class EmailDispatchTests : LoopbackSmtpTests
{
    [Fact]
    public async Task Pending_notifications_are_emailed_once_to_their_recipients_and_marked_sent()
    {
        var host = StartHost();
        var lead = await host.UserId("lead@granthub.local");
        var partner = await host.UserId("partner@granthub.local");
        var created = await host.Notify([lead, partner]);
        Assert.All(created, n => Assert.Equal(EmailDelivery.Pending, n.Email));

        var result = await host.DispatchEmails();

        Assert.Equal(2, result.Affected);
        var toLead = Assert.Single(Smtp.ReceivedFor(created.Single(n => n.RecipientUserId == lead).Id));
        Assert.Equal("lead@granthub.local", Assert.Single(toLead.To.Mailboxes).Address);
        Assert.Equal("Laxmi Lead", toLead.To.Mailboxes.Single().Name);
        Assert.Equal("granthub@example.org", Assert.Single(toLead.From.Mailboxes).Address);
        Assert.Equal("GrantHub", toLead.From.Mailboxes.Single().Name);
        Assert.Equal("Annual report due on 2026-04-01", toLead.Subject);
        Assert.Equal("auto-generated", toLead.Headers["Auto-Submitted"]);
        Assert.Contains("The year-1 report of your core grant is due on 2026-04-01. Submit it in GrantHub before then.", toLead.TextBody);
        Assert.Contains("Open in GrantHub: https://grants.example.org/api/grants/3f6d1c2e", toLead.TextBody);
        Assert.Contains("You receive this e-mail because you have a GrantHub account", toLead.TextBody);
        Assert.Contains("https://grants.example.org/home", toLead.TextBody);
        Assert.Equal("partner@granthub.local", Assert.Single(Smtp.ReceivedFor(created.Single(n => n.RecipientUserId == partner).Id)).To.Mailboxes.Single().Address);

        foreach (var notification in await host.Reload(created))
        {
            Assert.Equal(EmailDelivery.Sent, notification.Email);
            Assert.Equal(host.StoredNow, notification.EmailSentAt);
            Assert.Equal(1, notification.EmailAttempts);
            Assert.Null(notification.EmailClaimedBy);
            Assert.Null(notification.NextEmailAttemptAt);
        }

        host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, (await host.DispatchEmails()).Affected);
        Assert.Equal(2, Smtp.Received.Count);
        Assert.Equal(1, await host.WithDb(db => db.AuditEntries.CountAsync(a => a.Command == "DispatchEmails")));
    }

    [Fact]
    public async Task While_the_mail_server_is_down_attempts_and_errors_are_recorded_and_every_email_goes_out_once_it_is_back()
    {
        var host = StartHost();
        await Smtp.StopAsync();
        var created = await host.Notify([await host.UserId("lead@granthub.local"), await host.UserId("partner@granthub.local")]);
        var start = host.StoredNow;

        Assert.Equal(2, (await host.DispatchEmails()).Affected);

        foreach (var notification in await host.Reload(created))
        {
            Assert.Equal(EmailDelivery.Pending, notification.Email);
            Assert.Equal(1, notification.EmailAttempts);
            Assert.False(string.IsNullOrWhiteSpace(notification.EmailLastError));
            Assert.Equal(start.AddMinutes(1), notification.NextEmailAttemptAt);
            Assert.Null(notification.EmailClaimedBy);
        }

        Assert.Equal(0, (await host.DispatchEmails()).Affected);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.DispatchEmails();
        Assert.All(await host.Reload(created), n => Assert.Equal((2, start.AddMinutes(1 + 2)), (n.EmailAttempts, n.NextEmailAttemptAt)));

        await Smtp.StartAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await host.DispatchEmails()).Affected);
        Assert.Empty(Smtp.Received);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, (await host.DispatchEmails()).Affected);
        host.Clock.Advance(TimeSpan.FromHours(3));
        await host.DispatchEmails();

        Assert.All(created, n => Assert.Single(Smtp.ReceivedFor(n.Id)));
        Assert.Equal(2, Smtp.Received.Count);
        Assert.All(await host.Reload(created), n => Assert.Equal((EmailDelivery.Sent, 3, (string?)null), (n.Email, n.EmailAttempts, n.EmailLastError)));
    }

    [Fact]
    public async Task A_server_that_goes_down_and_comes_back_gets_the_waiting_email_exactly_once()
    {
        var host = StartHost();
        var lead = await host.UserId("lead@granthub.local");
        var before = Assert.Single(await host.Notify([lead]));
        await host.DispatchEmails();

        await Smtp.StopAsync();
        var during = Assert.Single(await host.Notify([lead]));
        await host.DispatchEmails();
        Assert.Equal(1, (await host.Reload(during.Id)).EmailAttempts);

        await Smtp.StartAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.DispatchEmails();
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await host.DispatchEmails();

        Assert.Single(Smtp.ReceivedFor(before.Id));
        Assert.Single(Smtp.ReceivedFor(during.Id));
        Assert.Equal(EmailDelivery.Sent, (await host.Reload(during.Id)).Email);
    }

    [Fact]
    public async Task Readiness_turns_degraded_while_emails_wait_after_max_attempts_and_healthy_once_they_are_out()
    {
        var host = StartHost(maxAttempts: 2);
        var client = host.CreateClient();
        await Smtp.StopAsync();
        var created = Assert.Single(await host.Notify([await host.UserId("lead@granthub.local")]));

        await host.DispatchEmails();
        Assert.Equal("Healthy", await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync());
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.DispatchEmails();

        var degraded = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync());
        Assert.Equal(EmailDelivery.Pending, (await host.Reload(created.Id)).Email);

        await Smtp.StartAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.DispatchEmails();

        Assert.Single(Smtp.ReceivedFor(created.Id));
        Assert.Equal("Healthy", await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_message_the_server_keeps_refusing_is_given_up_after_max_attempts_and_the_admins_are_told()
    {
        var host = StartHost(maxAttempts: 3);
        var refusedEmail = $"refused-{Guid.NewGuid():N}@example.org";
        await host.NewApplicant(refusedEmail);
        Smtp.Refuse(refusedEmail);
        var refusedUser = await host.UserId(refusedEmail);
        var lead = await host.UserId("lead@granthub.local");
        var created = await host.Notify([refusedUser, lead]);
        var refused = created.Single(n => n.RecipientUserId == refusedUser);

        await host.DispatchEmails();
        var afterFirst = await host.Reload(refused.Id);
        Assert.Equal((EmailDelivery.Pending, 1), (afterFirst.Email, afterFirst.EmailAttempts));
        Assert.Contains("550", afterFirst.EmailLastError);
        Assert.Single(Smtp.ReceivedFor(created.Single(n => n.RecipientUserId == lead).Id));

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.DispatchEmails();
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.DispatchEmails();

        var givenUp = await host.Reload(refused.Id);
        Assert.Equal((EmailDelivery.Failed, 3), (givenUp.Email, givenUp.EmailAttempts));
        Assert.Null(givenUp.NextEmailAttemptAt);
        Assert.Empty(Smtp.ReceivedFor(refused.Id));

        var admin = await host.UserId("admin@granthub.local");
        var told = await host.WithDb(db => db.Notifications.AsNoTracking()
            .SingleAsync(n => n.RecipientUserId == admin && n.Kind == DispatchEmailsHandler.UndeliverableKind));
        Assert.Contains(refused.Id.ToString(), told.Body);
        Assert.DoesNotContain(refused.Subject, told.Body);

        host.Clock.Advance(TimeSpan.FromHours(5));
        await host.DispatchEmails();
        Assert.Equal(3, (await host.Reload(refused.Id)).EmailAttempts);
        Assert.Single(Smtp.ReceivedFor(told.Id));
        Assert.Equal("Healthy", await (await host.CreateClient().GetAsync("/health/ready")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_subject_naming_a_sensitive_organisation_goes_out_neutral_and_stays_intact_in_app()
    {
        var host = StartHost();
        var subject = $"{DemoData.PartnerOrganisationName.ToUpperInvariant()} confirmed the partnership";
        var created = Assert.Single(await host.Notify([await host.UserId("lead@granthub.local")], NotificationSteps.Message(subject)));

        await host.DispatchEmails();

        var email = Assert.Single(Smtp.ReceivedFor(created.Id));
        Assert.Equal("GrantHub: you have a new notification", email.Subject);
        Assert.Equal(subject, (await host.Reload(created.Id)).Subject);
    }

    [Fact]
    public async Task Two_instances_sharing_the_database_send_each_notification_exactly_once()
    {
        var first = StartHost(batchSize: 4);
        var second = first.SecondInstance();
        Track(second);
        _ = second.Services;
        var recipients = new[]
        {
            await first.UserId("lead@granthub.local"), await first.UserId("partner@granthub.local"), await first.UserId("officer@granthub.local"),
        };
        var created = new List<Notification>();

        for (var round = 0; round < 3; round++)
        {
            for (var eventNumber = 0; eventNumber < 8; eventNumber++)
            {
                created.AddRange(await first.Notify(recipients));
            }

            var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(run => (run % 2 == 0 ? first : second).DispatchEmails()));

            Assert.Equal(24, runs.Sum(r => r.Affected));
        }

        Assert.Equal(72, created.Count);
        Assert.All(created, n => Assert.Single(Smtp.ReceivedFor(n.Id)));
        Assert.Equal(72, Smtp.Received.Count);
        Assert.All(await first.Reload(created), n => Assert.Equal((EmailDelivery.Sent, 1), (n.Email, n.EmailAttempts)));
    }

    [Fact]
    public async Task A_slow_server_never_gets_a_send_started_late_in_a_claim_and_the_rest_is_released_at_once()
    {
        var host = StartHost(services: services =>
        {
            services.AddSingleton<SmtpEmailSender>();
            services.AddSingleton<IEmailSender, SixMinutesPerMessageSender>();
        });
        var created = await host.Notify([
            await host.UserId("lead@granthub.local"), await host.UserId("partner@granthub.local"), await host.UserId("officer@granthub.local"),
        ]);

        Assert.Equal(1, (await host.DispatchEmails()).Affected);

        var afterFirstRun = await host.Reload(created);
        Assert.Single(afterFirstRun, n => n.Email == EmailDelivery.Sent);
        Assert.All(afterFirstRun.Where(n => n.Email != EmailDelivery.Sent), n => Assert.Equal((EmailDelivery.Pending, 0, (Guid?)null), (n.Email, n.EmailAttempts, n.EmailClaimedBy)));
        Assert.Equal(1, (await host.DispatchEmails()).Affected);
        Assert.Equal(1, (await host.DispatchEmails()).Affected);
        Assert.All(created, n => Assert.Single(Smtp.ReceivedFor(n.Id)));
    }

    [Fact]
    public async Task Without_smtp_notifications_stay_in_app_and_the_dispatcher_touches_nothing()
    {
        var host = new GrantHubFactory();
        Track(host);
        var lead = await host.UserId("lead@granthub.local");
        var inAppOnly = Assert.Single(await host.Notify([lead]));
        var leftFromWhenSmtpWasOn = new Notification(lead, "report-due", "Report due", "Body", null, $"earlier:{Guid.NewGuid():N}", sendEmail: true, host.Clock.GetUtcNow());
        await host.WithDb(db =>
        {
            db.Notifications.Add(leftFromWhenSmtpWasOn);
            return db.SaveChangesAsync();
        });

        var result = await host.DispatchEmails();

        Assert.Equal(0, result.Affected);
        Assert.Equal((EmailDelivery.NotRequired, 0), ((await host.Reload(inAppOnly.Id)).Email, (await host.Reload(inAppOnly.Id)).EmailAttempts));
        var waiting = await host.Reload(leftFromWhenSmtpWasOn.Id);
        Assert.Equal((EmailDelivery.Pending, 0, (Guid?)null), (waiting.Email, waiting.EmailAttempts, waiting.EmailClaimedBy));
        Assert.Empty(Smtp.Received);
        Assert.Equal(0, await host.WithDb(db => db.AuditEntries.CountAsync(a => a.Command == "DispatchEmails")));
    }

    [Fact]
    public async Task Recurring_jobs_are_registered_with_stable_ids_and_schedules_from_configuration()
    {
        var host = StartHost(extra: new() { ["Jobs:DispatchEmail"] = "*/5 * * * *" });

        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);

        Assert.Equal("*/5 * * * *", jobs[DispatchEmailsJob.Id].Cron);
        Assert.Null(jobs[DispatchEmailsJob.Id].LoadException);
        Assert.Equal(typeof(DispatchEmailsJob), jobs[DispatchEmailsJob.Id].Job.Type);
        Assert.Equal("* * * * *", jobs[GrantHub.Api.Features.Calls.CloseExpiredCallsJob.Id].Cron);
        Assert.Null(jobs[GrantHub.Api.Features.Calls.CloseExpiredCallsJob.Id].LoadException);
    }

    [Theory]
    [InlineData("Smtp:From", "", "Smtp:From")]
    [InlineData("Smtp:From", "not an address", "Smtp:From")]
    [InlineData("Smtp:Port", "0", "Smtp:Port")]
    [InlineData("Smtp:BatchSize", "0", "Smtp:BatchSize")]
    [InlineData("App:PublicBaseUrl", "grants.example.org", "App:PublicBaseUrl")]
    public void Invalid_email_settings_stop_the_start_up_with_a_clear_message(string key, string value, string named)
    {
        var host = StartHost(extra: new() { [key] = value });

        var failure = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains(named, failure.ToString());
    }


    /// <summary>A mail server that takes six minutes per message: more than half of a claim's lease after the first one.</summary>
    private sealed class SixMinutesPerMessageSender(SmtpEmailSender smtp, TimeProvider clock) : IEmailSender
    {
        public async Task<IEmailConnection> ConnectAsync(CancellationToken cancellationToken) =>
            new SlowConnection(await smtp.ConnectAsync(cancellationToken), (FakeTimeProvider)clock);

        private sealed class SlowConnection(IEmailConnection connection, FakeTimeProvider clock) : IEmailConnection
        {
            public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
            {
                await connection.SendAsync(email, cancellationToken);
                clock.Advance(TimeSpan.FromMinutes(6));
            }

            public ValueTask DisposeAsync() => connection.DisposeAsync();
        }
    }
}
