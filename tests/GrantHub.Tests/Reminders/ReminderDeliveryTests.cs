using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Features.Notifications;
using GrantHub.Core.Grants;
using GrantHub.Core.Notifications;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Notifications;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Reminders;

/// <summary>Reminders from their recurring jobs to the mail server on loopback, one server and host per test.</summary>
public sealed class ReminderDeliveryTests : LoopbackSmtpTests
{
    [Fact]
    public async Task Two_instances_running_the_report_sweep_and_the_dispatcher_at_once_email_each_reminder_exactly_once()
    {
        var first = StartHost();
        var second = first.SecondInstance();
        Track(second);
        _ = second.Services;
        var reports = new List<Guid>();
        for (var grant = 0; grant < 3; grant++)
        {
            var scenario = await first.AwardGrant(startDate: first.Today().AddDays(20 - GrantPeriod.ReportDueDays + 1).AddMonths(-12), sensitiveLead: grant == 0);
            reports.Add((await first.Activate(scenario)).Reports.Single(r => r.PeriodYear == 1).Id);
        }

        var sensitiveNames = await first.WithDb(db => db.Organisations.Where(o => o.Sensitive).Select(o => o.Name).ToListAsync());
        var expected = 0;
        foreach (var (reminder, advance) in new[] { ("report-due-30d", 0), ("report-due-7d", 14), ("report-overdue", 7) })
        {
            first.Clock.Advance(TimeSpan.FromDays(advance));

            await Task.WhenAll(Enumerable.Range(0, 8).Select(async run =>
            {
                var host = run % 2 == 0 ? first : second;
                await host.ReportReminders();
                await host.DispatchEmails();
            }));
            await second.DispatchEmails();

            expected += 9;
            var reminders = (await Task.WhenAll(reports.Select(first.RemindersAbout))).SelectMany(r => r).ToList();
            Assert.Equal(expected, reminders.Count);
            Assert.Equal(9, reminders.Count(n => n.Reminder() == reminder));
            foreach (var notification in reminders)
            {
                var email = Assert.Single(Smtp.ReceivedFor(notification.Id));
                Assert.Equal(notification.Subject, email.Subject);
                Assert.DoesNotContain(sensitiveNames, name => notification.Subject.Contains(name, StringComparison.OrdinalIgnoreCase));
                Assert.Equal((EmailDelivery.Sent, 1), (notification.Email, notification.EmailAttempts));
            }
        }

        Assert.Equal(27, Smtp.Received.Count(m => m.Subject?.Contains("report for year 1", StringComparison.Ordinal) == true));
        Assert.All(Smtp.Received.GroupBy(m => m.MessageId), sameMessage => Assert.Single(sameMessage));
    }

    [Fact]
    public async Task No_reminder_subject_names_an_organisation_at_risk_neither_in_app_nor_by_email()
    {
        var host = StartHost();
        var reported = await host.AwardGrant(startDate: host.Today().AddDays(5 - GrantPeriod.ReportDueDays + 1).AddMonths(-12), sensitiveLead: true);
        await host.Activate(reported);
        var unsigned = await host.AwardGrant(sensitiveLead: true);
        await host.GenerateAgreement(unsigned);
        host.Clock.Advance(TimeSpan.FromDays(7));

        Assert.True((await host.ReportReminders()).Affected >= 3);
        Assert.True((await host.AgreementUnsignedReminders()).Affected >= 2);
        await host.DispatchEmails();

        var sensitiveNames = await host.WithDb(db => db.Organisations.Where(o => o.Sensitive).Select(o => o.Name).ToListAsync());
        Assert.Contains(await host.WithDb(db => db.Organisations.Where(o => o.Id == unsigned.LeadOrganisationId).Select(o => o.Name).SingleAsync()), sensitiveNames);
        var reminders = await host.WithDb(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == ReportDueRemindersHandler.DueKind || n.Kind == ReportDueRemindersHandler.OverdueKind || n.Kind == AgreementUnsignedRemindersHandler.Kind)
            .ToListAsync());
        Assert.NotEmpty(reminders);
        foreach (var reminder in reminders)
        {
            Assert.DoesNotContain(sensitiveNames, name => reminder.Subject.Contains(name, StringComparison.OrdinalIgnoreCase));
            var email = Assert.Single(Smtp.ReceivedFor(reminder.Id));
            Assert.Equal(reminder.Subject, email.Subject);
            Assert.NotEqual("GrantHub: you have a new notification", email.Subject);
        }
    }

    [Fact]
    public void Reminder_jobs_are_registered_at_start_up_with_stable_ids_and_schedules_from_configuration()
    {
        var host = StartHost(extra: new() { ["Jobs:ReportReminders"] = "0 6 * * *" });

        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);

        Assert.Equal(("0 6 * * *", typeof(ReportDueRemindersJob)), (jobs[ReportDueRemindersJob.Id].Cron, jobs[ReportDueRemindersJob.Id].Job.Type));
        Assert.Equal(("0 * * * *", typeof(CallClosingRemindersJob)), (jobs[CallClosingRemindersJob.Id].Cron, jobs[CallClosingRemindersJob.Id].Job.Type));
        Assert.Equal(
            ("0 * * * *", typeof(AgreementUnsignedRemindersJob)),
            (jobs[AgreementUnsignedRemindersJob.Id].Cron, jobs[AgreementUnsignedRemindersJob.Id].Job.Type));
        Assert.All(
            new[] { ReportDueRemindersJob.Id, CallClosingRemindersJob.Id, AgreementUnsignedRemindersJob.Id },
            id => Assert.Null(jobs[id].LoadException));
        Assert.Equal(
            ["calls:closing-reminders", "grants:agreement-unsigned-reminders", "grants:report-reminders"],
            new[] { CallClosingRemindersJob.Id, AgreementUnsignedRemindersJob.Id, ReportDueRemindersJob.Id });
    }

}
