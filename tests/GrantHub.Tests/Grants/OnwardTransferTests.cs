using System.Net;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Grants;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Grants;

public class OnwardTransferTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task A_paid_tranche_owes_each_partner_its_share_and_the_officer_sees_it_outstanding_until_the_partner_confirms()
    {
        var scenario = await factory.GrantWithFirstTranchePaid();
        var officer = await factory.Officer();

        var owed = Assert.Single((await officer.Transfers(scenario, outstanding: true)).Items);
        Assert.Equal(
            (1, scenario.PartnerOrganisationId, 10_000m, 0m, 0m, OnwardShareStatus.NotTransferred, factory.Today().AddDays(30), 0),
            (owed.TrancheNumber, owed.PartnerOrganisationId, owed.Expected, owed.Recorded, owed.Confirmed, owed.Status, owed.DueOn, owed.DaysOverdue));

        var transfer = await factory.RecordedTransfer(scenario);
        Assert.Single(await factory.NotificationsAbout(scenario, scenario.PartnerOwner.Id, "onward-transfer-recorded"));
        var awaiting = Assert.Single((await scenario.PartnerOwner.Client.Transfers(scenario)).Items);
        Assert.Equal((10_000m, 0m, OnwardShareStatus.AwaitingConfirmation), (awaiting.Recorded, awaiting.Confirmed, awaiting.Status));

        var confirmed = await (await scenario.PartnerOwner.Client.Confirm(scenario, transfer.Id)).ReadAs<OnwardTransferResponse>();

        Assert.Equal(OnwardTransferStatus.Confirmed, confirmed.Status);
        Assert.Empty((await officer.Transfers(scenario, outstanding: true)).Items);
        var settled = Assert.Single((await scenario.LeadOwner.Client.Transfers(scenario)).Items);
        Assert.Equal((10_000m, OnwardShareStatus.Confirmed), (settled.Confirmed, settled.Status));
        Assert.Single(await factory.NotificationsAbout(scenario, scenario.LeadOwner.Id, "onward-transfer-confirmed"));
    }

    [Fact]
    public async Task A_disputed_transfer_reaches_the_grants_officer_at_once_and_the_lead_corrects_it_with_a_new_record()
    {
        var scenario = await factory.GrantWithFirstTranchePaid();
        var officerId = await factory.UserId(GrantScenarios.OfficerEmail);
        var transfer = await factory.RecordedTransfer(scenario);

        await (await scenario.PartnerOwner.Client.Dispute(scenario, transfer.Id, " ")).ShouldBeInvalid("reason");
        var disputed = await (await scenario.PartnerOwner.Client.Dispute(scenario, transfer.Id, "Only 8,000 EUR arrived in our account."))
            .ReadAs<OnwardTransferResponse>();

        Assert.Equal((OnwardTransferStatus.Disputed, "Only 8,000 EUR arrived in our account."), (disputed.Status, disputed.DisputeReason));
        var toOfficer = Assert.Single(await factory.NotificationsAbout(scenario, officerId, "onward-transfer-disputed"));
        Assert.Contains("Only 8,000 EUR arrived in our account.", toOfficer);
        Assert.Single(await factory.NotificationsAbout(scenario, scenario.LeadMember.Id, "onward-transfer-disputed"));
        var share = Assert.Single((await (await factory.Officer()).Transfers(scenario, outstanding: true)).Items);
        Assert.Equal((OnwardShareStatus.Disputed, 0m), (share.Status, share.Recorded));
        await (await scenario.PartnerOwner.Client.Confirm(scenario, transfer.Id)).ShouldBreakRule("transfer-already-answered");

        var correction = await factory.RecordedTransfer(scenario);
        await (await scenario.PartnerOwner.Client.Confirm(scenario, correction.Id)).ShouldBe(HttpStatusCode.OK);

        var history = Assert.Single((await scenario.LeadOwner.Client.Transfers(scenario)).Items);
        Assert.Equal(OnwardShareStatus.Confirmed, history.Status);
        Assert.Equal([OnwardTransferStatus.Disputed, OnwardTransferStatus.Confirmed], history.Transfers.Select(t => t.Status));
    }

    [Fact]
    public async Task Amounts_and_dates_are_checked_and_a_refused_transfer_records_nothing()
    {
        var scenario = await factory.GrantWithFirstTranchePaid();
        var lead = scenario.LeadMember.Client;
        var today = factory.Today();

        await (await lead.RecordTransfer(scenario, 0m, today)).ShouldBeInvalid("amount");
        await (await lead.RecordTransfer(scenario, -5m, today)).ShouldBeInvalid("amount");
        await (await lead.RecordTransfer(scenario, 100.001m, today)).ShouldBeInvalid("amount");
        await (await lead.RecordTransfer(scenario, null, today)).ShouldBeInvalid("amount");
        await (await lead.RecordTransfer(scenario, 100m, today.AddDays(1))).ShouldBeInvalid("transferredOn");
        await (await lead.RecordTransfer(scenario, 100m, null)).ShouldBeInvalid("transferredOn");
        await (await lead.RecordTransfer(scenario, 100m, today, reference: "")).ShouldBeInvalid("reference");
        await (await lead.RecordTransfer(scenario, 100m, today.AddDays(-1))).ShouldBreakRule("transfer-before-tranche-payment");
        await (await lead.RecordTransfer(scenario, 10_000.01m, today)).ShouldBreakRule("transfer-exceeds-share");
        await (await lead.RecordTransfer(scenario, 100m, today, trancheNumber: 2)).ShouldBreakRule("no-onward-share");
        await (await lead.RecordTransfer(scenario, 100m, today, partner: scenario.LeadOrganisationId)).ShouldBreakRule("no-onward-share");

        var share = Assert.Single((await (await factory.Officer()).Transfers(scenario)).Items);
        Assert.Empty(share.Transfers);
        Assert.Empty(await factory.NotificationsAbout(scenario, scenario.PartnerOwner.Id, "onward-transfer-recorded"));

        await (await lead.RecordTransfer(scenario, 6_000m, today)).ShouldBe(HttpStatusCode.Created);
        await (await lead.RecordTransfer(scenario, 4_000.01m, today)).ShouldBreakRule("transfer-exceeds-share");
        await (await lead.RecordTransfer(scenario, 4_000m, today)).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Only_the_lead_records_and_only_the_receiving_partner_answers_and_never_for_a_record_of_its_own()
    {
        var scenario = await factory.GrantWithFirstTranchePaid();
        var today = factory.Today();

        await (await scenario.PartnerOwner.Client.RecordTransfer(scenario, 100m, today)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Officer()).RecordTransfer(scenario, 100m, today)).ShouldBe(HttpStatusCode.Forbidden);
        await (await scenario.Stranger.Client.RecordTransfer(scenario, 100m, today)).ShouldBe(HttpStatusCode.NotFound);
        await (await scenario.Stranger.Client.GetAsync($"{scenario.Url}/transfers")).ShouldBe(HttpStatusCode.NotFound);

        var transfer = await factory.RecordedTransfer(scenario);
        await (await scenario.LeadOwner.Client.Confirm(scenario, transfer.Id)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Officer()).Confirm(scenario, transfer.Id)).ShouldBe(HttpStatusCode.Forbidden);
        await (await scenario.Stranger.Client.Dispute(scenario, transfer.Id, "Not ours")).ShouldBe(HttpStatusCode.NotFound);
        await (await scenario.PartnerOwner.Client.Confirm(scenario, Guid.NewGuid())).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(OnwardShareStatus.AwaitingConfirmation, Assert.Single((await scenario.LeadOwner.Client.Transfers(scenario)).Items).Status);
    }

    [Fact]
    public async Task Someone_of_both_organisations_never_answers_for_a_transfer_she_recorded_herself()
    {
        var scenario = await factory.GrantWithFirstTranchePaid();
        await factory.WithDb(async db =>
        {
            var partner = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == scenario.PartnerOrganisationId);
            partner.AddMember(scenario.LeadMember.Id, MembershipRole.Member, factory.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var transfer = await factory.RecordedTransfer(scenario);

        await (await scenario.LeadMember.Client.Confirm(scenario, transfer.Id)).ShouldBreakRule("transfer-own-record");
        await (await scenario.LeadMember.Client.Dispute(scenario, transfer.Id, "Testing")).ShouldBreakRule("transfer-own-record");

        await (await scenario.PartnerOwner.Client.Confirm(scenario, transfer.Id)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_grant_paying_its_members_directly_owes_no_onward_transfer()
    {
        var scenario = await factory.AwardGrant(payMembersDirectly: true);
        await factory.Activate(scenario);
        await factory.ApproveAndPay(scenario, 1);
        await factory.ApproveAndPay(scenario, 2);

        var transfers = await (await factory.Officer()).Transfers(scenario);

        Assert.True(transfers.PaysMembersDirectly);
        Assert.Empty(transfers.Items);
        await (await scenario.LeadMember.Client.RecordTransfer(scenario, 100m, factory.Today())).ShouldBreakRule("no-onward-share");
    }
}
