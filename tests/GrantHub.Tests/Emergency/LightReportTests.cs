using System.Net;
using GrantHub.Api.Features.Emergency;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reminders;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Emergency;

public class LightReportTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private async Task<(OrganisationMember Member, Guid RequestId, DateOnly PaidOn)> PaidRequest()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        var finance = await factory.Finance();
        await (await finance.Approve(request.Id)).ShouldBe(HttpStatusCode.OK);
        var paidOn = factory.Today();
        await (await finance.Pay(request.Id, paidOn)).ShouldBe(HttpStatusCode.OK);
        return (member, request.Id, paidOn);
    }

    private static string Url(Guid requestId) => $"{EmergencyTestData.Url}/{requestId}/light-report";

    [Fact]
    public async Task A_light_report_is_due_60_days_after_the_payment_date_and_the_organisation_sends_it()
    {
        var (member, requestId, paidOn) = await PaidRequest();

        var due = await (await member.Client.GetAsync(Url(requestId))).ReadAs<EmergencyLightReportResponse>();
        Assert.Equal((paidOn.AddDays(60), false), (due.DueOn!.Value, due.Submitted));

        var sent = await (await member.Client.PostJson(Url(requestId), new SubmitLightReportRequest("Bus tickets and three months' rent in Lviv.", "A second instalment would have helped.")))
            .ReadAs<EmergencyLightReportResponse>();
        Assert.Equal((true, "Bus tickets and three months' rent in Lviv.", "A second instalment would have helped."), (sent.Submitted, sent.HowMoneyWasUsed, sent.AnythingElse));
        var officerRead = await (await (await factory.Officer()).GetAsync(Url(requestId))).ReadAs<EmergencyLightReportResponse>();
        Assert.Equal(sent.HowMoneyWasUsed, officerRead.HowMoneyWasUsed);
        await (await member.Client.PostJson(Url(requestId), new SubmitLightReportRequest("Again.", null))).ShouldBreakRule("light-report-already-submitted");
    }

    [Fact]
    public async Task Only_paid_money_is_reported_on_by_members_of_its_organisation_and_the_use_is_required()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var unpaid = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        await (await member.Client.PostJson(Url(unpaid.Id), new SubmitLightReportRequest("Rent.", null))).ShouldBreakRule("emergency-not-paid");
        Assert.Null((await (await member.Client.GetAsync(Url(unpaid.Id))).ReadAs<EmergencyLightReportResponse>()).DueOn);

        var (paidMember, requestId, _) = await PaidRequest();
        var stranger = await factory.NewOrganisationMember();
        await (await stranger.Client.PostJson(Url(requestId), new SubmitLightReportRequest("Rent.", null))).ShouldBe(HttpStatusCode.NotFound);
        await (await (await factory.Officer()).PostJson(Url(requestId), new SubmitLightReportRequest("Rent.", null))).ShouldBe(HttpStatusCode.Forbidden);
        await (await paidMember.Client.PostJson(Url(requestId), new SubmitLightReportRequest(" ", "Only this."))).ShouldBeInvalid("howMoneyWasUsed");
    }

    [Fact]
    public async Task The_organisation_is_reminded_once_in_the_week_before_the_due_date_and_never_after()
    {
        var (member, requestId, paidOn) = await PaidRequest();
        var (other, otherId, _) = await PaidRequest();
        await (await other.Client.PostJson(Url(otherId), new SubmitLightReportRequest("Medical bills.", null))).ShouldBe(HttpStatusCode.OK);

        factory.AdvanceTo(paidOn.AddDays(52));
        await factory.Sweep(new LightReportRemindersCommand());
        Assert.Empty(await Reminders(requestId));

        factory.AdvanceTo(paidOn.AddDays(53));
        await factory.Sweep(new LightReportRemindersCommand());
        await factory.Sweep(new LightReportRemindersCommand());
        factory.AdvanceTo(paidOn.AddDays(75));
        await factory.Sweep(new LightReportRemindersCommand());

        Assert.Equal([member.UserId], await Reminders(requestId));
        Assert.Empty(await Reminders(otherId));
    }

    private Task<List<Guid>> Reminders(Guid requestId) =>
        factory.WithDb(db => db.Notifications
            .Where(n => n.DeduplicationKey.StartsWith($"{LightReportRemindersHandler.Kind}:{requestId:N}"))
            .Select(n => n.RecipientUserId)
            .ToListAsync());
}
