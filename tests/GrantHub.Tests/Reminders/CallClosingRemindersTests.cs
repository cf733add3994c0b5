using System.Net;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Notifications;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Notifications;
using GrantHub.Tests.Organisations;

namespace GrantHub.Tests.Reminders;

public class CallClosingRemindersTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Leads_of_drafts_and_partners_yet_to_answer_are_reminded_7_days_and_1_day_before_the_call_closes_once_each()
    {
        var call = await factory.OpenCall(input => input with { ClosesAt = factory.Clock.GetUtcNow().AddDays(10) });
        var lead = await factory.NewOrganisation();
        var (_, leadMemberEmail) = await factory.NewMemberOf(lead);
        var undecided = await factory.NewOrganisation("BI");
        var (_, undecidedMemberEmail) = await factory.NewMemberOf(undecided);
        var confirmed = await factory.NewOrganisation("BI");
        var draft = await lead.Draft(call);
        await lead.Invite(draft.Id, undecided);
        await lead.Invite(draft.Id, confirmed);
        await confirmed.Confirm(draft.Id);
        var leadOwner = await factory.UserId(lead.Email);
        var leadMember = await factory.UserId(leadMemberEmail);
        var undecidedOwner = await factory.UserId(undecided.Email);
        var undecidedMember = await factory.UserId(undecidedMemberEmail);

        factory.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        await factory.CallClosingReminders();
        Assert.Empty(await factory.RemindersAbout(draft.Id));

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.CallClosingReminders();
        Assert.Equal(0, (await factory.CallClosingReminders()).Affected);
        var reminders = await factory.RemindersAbout(draft.Id);
        Assert.Equal(new HashSet<Guid> { leadOwner, leadMember, undecidedOwner, undecidedMember }, reminders.Recipients("call-closing-7d"));
        Assert.Equal(4, reminders.Count);

        await undecided.Confirm(draft.Id);
        factory.Clock.Advance(TimeSpan.FromDays(5));
        await factory.CallClosingReminders();
        Assert.Equal(4, (await factory.RemindersAbout(draft.Id)).Count);

        factory.Clock.Advance(TimeSpan.FromDays(1));
        await factory.CallClosingReminders();
        await factory.CallClosingReminders();
        reminders = await factory.RemindersAbout(draft.Id);
        Assert.Equal(new HashSet<Guid> { leadOwner, leadMember }, reminders.Recipients("call-closing-1d"));
        Assert.Equal(6, reminders.Count);

        factory.Clock.Advance(TimeSpan.FromDays(1));
        await factory.Sweep(new CloseExpiredCallsCommand());
        await factory.CallClosingReminders();
        Assert.Equal(6, (await factory.RemindersAbout(draft.Id)).Count);
    }

    [Fact]
    public async Task Submitted_and_withdrawn_applications_and_calls_closing_later_get_no_reminders()
    {
        var call = await factory.OpenCall(input => input with { ClosesAt = factory.Clock.GetUtcNow().AddDays(6) });
        var later = await factory.OpenCall(input => input with { ClosesAt = factory.Clock.GetUtcNow().AddDays(8) });
        var submitted = await factory.ReadyConsortium(call);
        await (await submitted.Lead.Client.Submit(submitted.Id)).ShouldBe(HttpStatusCode.OK);
        var withdrawn = await factory.ReadyConsortium(call);
        await (await withdrawn.Lead.Client.PostJson($"/api/applications/{withdrawn.Id}/withdraw")).ShouldBe(HttpStatusCode.OK);
        var draftOnLaterCall = await (await factory.NewOrganisation()).Draft(later);
        var draft = await (await factory.NewOrganisation()).Draft(call);

        await factory.CallClosingReminders();

        Assert.Empty(await factory.RemindersAbout(submitted.Id));
        Assert.Empty(await factory.RemindersAbout(withdrawn.Id));
        Assert.Empty(await factory.RemindersAbout(draftOnLaterCall.Id));
        Assert.Single(await factory.RemindersAbout(draft.Id));
    }

    [Fact]
    public async Task A_sweep_that_first_runs_in_the_last_day_sends_only_the_last_day_reminder()
    {
        var call = await factory.OpenCall(input => input with { ClosesAt = factory.Clock.GetUtcNow().AddHours(20) });
        var draft = await (await factory.NewOrganisation()).Draft(call);

        await factory.CallClosingReminders();
        factory.Clock.Advance(TimeSpan.FromHours(19));
        await factory.CallClosingReminders();

        var reminder = Assert.Single(await factory.RemindersAbout(draft.Id));
        Assert.Equal("call-closing-1d", reminder.Reminder());
        Assert.StartsWith("Last day: ", reminder.Subject);
    }

    [Fact]
    public async Task Reminders_name_the_call_its_closing_time_and_what_to_do_and_never_a_sensitive_organisation_in_the_subject()
    {
        var closesAt = new DateTimeOffset(factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(5).AddHours(17), TimeSpan.Zero);
        var call = await factory.OpenCall(input => input with { ClosesAt = closesAt });
        var lead = await factory.NewOrganisation(sensitive: true);
        var partner = await factory.NewOrganisation("BI", sensitive: true);
        var draft = await lead.Draft(call);
        await factory.InviteThroughSharedMember(lead, draft.Id, partner);

        await factory.CallClosingReminders();

        var closes = closesAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        var toLead = Assert.Single(await lead.Client.Notifications(), n => n.Kind == CallClosingRemindersHandler.Kind);
        Assert.Equal($"Reminder: call \"{call.Title}\" closes on {closes}; your application is still a draft", toLead.Subject);
        Assert.Contains($"Your organisation's application \"{draft.Title}\" to the call \"{call.Title}\" is still a draft.", toLead.Body);
        Assert.Contains("What to do: make sure every invited partner has confirmed", toLead.Body);
        Assert.Equal($"/applications/{draft.Id}", toLead.Link);
        var toPartner = Assert.Single(await partner.Client.Notifications(), n => n.Kind == CallClosingRemindersHandler.Kind);
        Assert.Equal($"Reminder: call \"{call.Title}\" closes on {closes}; an invitation awaits your answer", toPartner.Subject);
        Assert.Contains("What to do: open the application in GrantHub and confirm or decline the invitation.", toPartner.Body);
        AssertNamesNeither(toLead, lead, partner);
        AssertNamesNeither(toPartner, lead, partner);
    }

    private static void AssertNamesNeither(NotificationResponse notification, params Applicant[] organisations)
    {
        foreach (var organisation in organisations)
        {
            Assert.DoesNotContain(organisation.Organisation.Name, notification.Subject, StringComparison.OrdinalIgnoreCase);
        }
    }
}
