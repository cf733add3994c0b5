using System.Net;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Grants;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Reminders;

public class AgreementUnsignedRemindersTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public async Task Owners_of_the_parties_that_have_not_signed_and_the_awarding_officer_are_reminded_once_7_days_after_generation()
    {
        var scenario = await factory.AwardGrant();
        var version = await factory.GenerateAgreement(scenario);
        var officer = await factory.UserId(GrantScenarios.OfficerEmail);
        await (await scenario.LeadOwner.SignAgreement(scenario, version.Sha256, scenario.LeadOrganisationId)).ShouldBe(HttpStatusCode.OK);

        factory.Clock.Advance(Week - TimeSpan.FromMinutes(1));
        await factory.AgreementUnsignedReminders();
        Assert.Empty(await factory.RemindersAbout(scenario.GrantId));

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.AgreementUnsignedReminders();
        Assert.Equal(new HashSet<Guid> { scenario.PartnerOwner.Id, officer }, (await factory.RemindersAbout(scenario.GrantId)).Recipients("agreement-unsigned-7d"));
        Assert.Equal(0, (await factory.AgreementUnsignedReminders()).Affected);
        factory.Clock.Advance(TimeSpan.FromDays(3));
        await factory.AgreementUnsignedReminders();

        var reminders = await factory.RemindersAbout(scenario.GrantId);
        Assert.Equal(2, reminders.Count);
        var grant = await factory.GetGrant(scenario);
        var toOwner = reminders.Single(n => n.RecipientUserId == scenario.PartnerOwner.Id);
        Assert.Equal(AgreementUnsignedRemindersHandler.Kind, toOwner.Kind);
        Assert.Equal($"Grant {grant.GrantNumber}: agreement version 1 still unsigned after 7 days", toOwner.Subject);
        Assert.Contains($"was generated on {version.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC and is still not signed by every party.", toOwner.Body);
        Assert.Contains("The grant starts, and its first tranche can be paid, only once every party has signed it.", toOwner.Body);
        Assert.Contains($"sign it in GrantHub by naming its SHA-256, {version.Sha256}", toOwner.Body);
        Assert.Equal($"/grants/{scenario.GrantId}", toOwner.Link);
        Assert.Contains("follow up with the parties that have not signed", reminders.Single(n => n.RecipientUserId == officer).Body);
    }

    [Fact]
    public async Task A_signed_agreement_and_a_version_superseded_before_its_7_days_are_not_reminded_of()
    {
        var signed = await factory.AwardGrant();
        await factory.Activate(signed);
        var regenerated = await factory.AwardGrant();
        await factory.GenerateAgreement(regenerated);

        factory.Clock.Advance(TimeSpan.FromDays(3));
        await factory.GenerateAgreement(regenerated);
        factory.Clock.Advance(TimeSpan.FromDays(4));
        await factory.AgreementUnsignedReminders();
        Assert.Empty(await factory.RemindersAbout(signed.GrantId));
        Assert.Empty(await factory.RemindersAbout(regenerated.GrantId));

        factory.Clock.Advance(TimeSpan.FromDays(3));
        await factory.AgreementUnsignedReminders();

        var reminders = await factory.RemindersAbout(regenerated.GrantId);
        Assert.Equal(3, reminders.Count);
        Assert.All(reminders, n => Assert.StartsWith($"agreement-unsigned-7d:{regenerated.GrantId:N}:2:", n.DeduplicationKey));
        Assert.Empty(await factory.RemindersAbout(signed.GrantId));
    }

    [Fact]
    public async Task An_unsigned_amendment_version_of_an_active_grant_is_reminded_of_and_a_terminated_grant_is_not()
    {
        var amended = await factory.AwardGrant();
        await factory.Activate(amended);
        var officer = await factory.Officer();
        await (await officer.PostJson($"{amended.Url}/amendments", new AmendGrantRequest(AmendmentKind.TopUp, null, 10_000m, "Relocation costs.")))
            .ShouldBe(HttpStatusCode.Created);
        var terminated = await factory.AwardGrant();
        await factory.GenerateAgreement(terminated);
        await (await officer.PostJson($"{terminated.Url}/terminate", new TerminateGrantRequest("The lead organisation was dissolved.")))
            .ShouldBe(HttpStatusCode.OK);

        factory.Clock.Advance(Week);
        await factory.AgreementUnsignedReminders();

        var reminders = await factory.RemindersAbout(amended.GrantId);
        Assert.Equal(3, reminders.Count);
        Assert.All(reminders, n => Assert.Contains("agreement version 2 still unsigned", n.Subject));
        Assert.All(reminders, n => Assert.Contains("The amendments it includes come into force only once every party has signed it.", n.Body));
        Assert.Empty(await factory.RemindersAbout(terminated.GrantId));
    }
}
