using System.Net;
using GrantHub.Api.Features.Grants;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Reminders;

public class OnwardTransferRemindersTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const string DueKind = OnwardTransferRemindersHandler.DueKind;
    private const string OverdueKind = OnwardTransferRemindersHandler.OverdueKind;

    [Fact]
    public async Task The_lead_is_reminded_7_days_before_the_30_day_clause_and_the_officer_alerted_after_it_once_each_however_often_the_sweep_runs()
    {
        var scenario = await factory.GrantWithFirstTranchePaid();
        var officer = await factory.UserId(GrantScenarios.OfficerEmail);
        var paidOn = factory.Today();
        using var secondServer = factory.SecondInstance();

        factory.AdvanceTo(paidOn.AddDays(22));
        await factory.OnwardTransferReminders();
        Assert.Empty(await factory.NotificationsAbout(scenario, scenario.LeadOwner.Id, DueKind));

        factory.AdvanceTo(paidOn.AddDays(23));
        await Task.WhenAll(factory.OnwardTransferReminders(), secondServer.OnwardTransferReminders());
        await factory.OnwardTransferReminders();
        var reminder = Assert.Single(await factory.NotificationsAbout(scenario, scenario.LeadOwner.Id, DueKind));
        Assert.Contains("10,000.00 EUR of a partner's share of tranche 1", reminder);
        Assert.Contains($"by {paidOn.AddDays(30):yyyy-MM-dd}, in 7 day(s)", reminder);
        Assert.Single(await factory.NotificationsAbout(scenario, scenario.LeadMember.Id, DueKind));
        Assert.Empty(await factory.NotificationsAbout(scenario, officer, OverdueKind));

        factory.AdvanceTo(paidOn.AddDays(30));
        await factory.OnwardTransferReminders();
        Assert.Single(await factory.NotificationsAbout(scenario, scenario.LeadOwner.Id, DueKind));
        Assert.Empty(await factory.NotificationsAbout(scenario, officer, OverdueKind));

        factory.AdvanceTo(paidOn.AddDays(31));
        await Task.WhenAll(factory.OnwardTransferReminders(), secondServer.OnwardTransferReminders());
        await factory.OnwardTransferReminders();
        var alert = Assert.Single(await factory.NotificationsAbout(scenario, officer, OverdueKind));
        Assert.Contains("it was due on", alert);
        Assert.Contains("1 day(s) ago. The lead has recorded no transfer.", alert);
        Assert.Empty(await factory.NotificationsAbout(scenario, scenario.PartnerOwner.Id, OverdueKind));
        Assert.Equal(1, Assert.Single((await (await factory.Officer()).Transfers(scenario, outstanding: true)).Items).DaysOverdue);
    }

    [Fact]
    public async Task A_share_the_partner_confirmed_is_neither_reminded_nor_alerted_and_one_only_recorded_still_reaches_the_officer()
    {
        var confirmed = await factory.GrantWithFirstTranchePaid();
        var onlyRecorded = await factory.GrantWithFirstTranchePaid();
        var officer = await factory.UserId(GrantScenarios.OfficerEmail);
        var paidOn = factory.Today();
        var transfer = await factory.RecordedTransfer(confirmed);
        await (await confirmed.PartnerOwner.Client.Confirm(confirmed, transfer.Id)).ShouldBe(HttpStatusCode.OK);
        await factory.RecordedTransfer(onlyRecorded);

        factory.AdvanceTo(paidOn.AddDays(25));
        await factory.OnwardTransferReminders();
        factory.AdvanceTo(paidOn.AddDays(40));
        await factory.OnwardTransferReminders();

        Assert.Empty(await factory.NotificationsAbout(confirmed, confirmed.LeadOwner.Id, DueKind));
        Assert.Empty(await factory.NotificationsAbout(confirmed, officer, OverdueKind));
        Assert.Empty(await factory.NotificationsAbout(onlyRecorded, onlyRecorded.LeadOwner.Id, DueKind));
        Assert.Contains("a transfer that the partner has not confirmed yet", Assert.Single(await factory.NotificationsAbout(onlyRecorded, officer, OverdueKind)));
    }

    [Fact]
    public async Task Confirming_after_the_alert_clears_the_share_from_the_officers_outstanding_list_and_no_alert_follows()
    {
        var scenario = await factory.GrantWithFirstTranchePaid();
        var officer = await factory.UserId(GrantScenarios.OfficerEmail);
        var paidOn = factory.Today();
        factory.AdvanceTo(paidOn.AddDays(35));
        await factory.OnwardTransferReminders();
        Assert.Single(await factory.NotificationsAbout(scenario, officer, OverdueKind));

        var transfer = await factory.RecordedTransfer(scenario);
        await (await scenario.PartnerOwner.Client.Confirm(scenario, transfer.Id)).ShouldBe(HttpStatusCode.OK);
        factory.AdvanceTo(paidOn.AddDays(36));
        await factory.OnwardTransferReminders();

        Assert.Empty((await (await factory.Officer()).Transfers(scenario, outstanding: true)).Items);
        Assert.Single(await factory.NotificationsAbout(scenario, officer, OverdueKind));
    }
}
