using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Core.Applications;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;

namespace GrantHub.Tests.Applications;

public class PartnerShareConsentTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task A_budget_change_resets_exactly_the_confirmed_partners_whose_share_it_touches_and_tells_their_owners_why()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var (amountChanged, yearAdded, untouched) = (await factory.NewOrganisation("BI"), await factory.NewOrganisation("CO"), await factory.NewOrganisation("BI"));
        var (amountChangedMember, _) = await factory.NewMemberOf(amountChanged, MembershipRole.Member);
        var draft = await lead.Draft(call);
        foreach (var partner in new[] { amountChanged, yearAdded, untouched })
        {
            await lead.Invite(draft.Id, partner);
        }

        await lead.Budget(
            draft.Id,
            new BudgetLineInput(lead.OrganisationId, 1, 50_000m),
            new BudgetLineInput(amountChanged.OrganisationId, 1, 10_000m),
            new BudgetLineInput(yearAdded.OrganisationId, 1, 10_000m),
            new BudgetLineInput(untouched.OrganisationId, 2, 10_000m));
        foreach (var partner in new[] { amountChanged, yearAdded, untouched })
        {
            await partner.Confirm(draft.Id);
        }

        var changed = await lead.Budget(
            draft.Id,
            new BudgetLineInput(lead.OrganisationId, 1, 55_000m),
            new BudgetLineInput(amountChanged.OrganisationId, 1, 12_500m),
            new BudgetLineInput(yearAdded.OrganisationId, 1, 10_000m),
            new BudgetLineInput(yearAdded.OrganisationId, 2, 5_000m),
            new BudgetLineInput(untouched.OrganisationId, 2, 10_000m));

        ApplicationMemberResponse Member(Applicant partner) => changed.Members.Single(m => m.OrganisationId == partner.OrganisationId);
        Assert.Equal(ConsortiumMemberStatus.Invited, Member(amountChanged).Status);
        Assert.Equal([(1, (decimal?)10_000m, (decimal?)12_500m)], Member(amountChanged).ConfirmationReset!.Changes.Select(c => (c.Year, c.PreviousAmount, c.NewAmount)));
        Assert.Equal(factory.StoredNow, Member(amountChanged).ConfirmationReset!.At);
        Assert.Equal(ConsortiumMemberStatus.Invited, Member(yearAdded).Status);
        Assert.Equal([(2, (decimal?)null, (decimal?)5_000m)], Member(yearAdded).ConfirmationReset!.Changes.Select(c => (c.Year, c.PreviousAmount, c.NewAmount)));
        Assert.Equal((ConsortiumMemberStatus.Confirmed, null), (Member(untouched).Status, Member(untouched).ConfirmationReset));
        Assert.Equal([(1, 12_500m), (2, 0m)], Member(amountChanged).Allocation.Select(a => (a.Year, a.Amount)));

        var told = Assert.Single(await amountChanged.Client.Notifications(), n => n.Kind == "partner-share-changed");
        Assert.Contains("year 1: 10,000.00 EUR → 12,500.00 EUR", told.Body);
        Assert.Equal($"/applications/{draft.Id}/partnership/{amountChanged.OrganisationId}", told.Link);
        Assert.Contains("year 2: none → 5,000.00 EUR", Assert.Single(await yearAdded.Client.Notifications(), n => n.Kind == "partner-share-changed").Body);
        Assert.DoesNotContain(await untouched.Client.Notifications(), n => n.Kind == "partner-share-changed");
        Assert.DoesNotContain(await amountChangedMember.Notifications(), n => n.Kind == "partner-share-changed");

        var checklist = await (await lead.Client.GetAsync($"/api/applications/{draft.Id}/checklist")).ReadAs<SubmissionChecklistResponse>();
        Assert.Contains(checklist.Unmet, r => r.Rule == "partners-not-confirmed");
        Assert.Equal(
            new[] { amountChanged.OrganisationId, yearAdded.OrganisationId }.Order(),
            checklist.WaitingPartners.Select(p => p.OrganisationId).Order());
        Assert.All(checklist.WaitingPartners, p => Assert.NotNull(p.ConfirmationReset));
        await (await lead.Client.Submit(draft.Id)).ShouldBreakRule("partners-not-confirmed");

        foreach (var partner in new[] { amountChanged, yearAdded })
        {
            var seen = (await partner.Client.Get(draft.Id)).Members.Single(m => m.OrganisationId == partner.OrganisationId).BudgetFingerprint;
            var confirmed = await partner.ConfirmSeen(draft.Id, seen);
            Assert.Null(confirmed.Members.Single(m => m.OrganisationId == partner.OrganisationId).ConfirmationReset);
        }

        await (await lead.Client.Submit(draft.Id)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_lead_changing_only_its_own_lines_resets_nobody()
    {
        var consortium = await factory.ReadyConsortium();

        var changed = await consortium.Lead.Budget(
            consortium.Id,
            new BudgetLineInput(consortium.Lead.OrganisationId, 1, 70_000m),
            new BudgetLineInput(consortium.Partner.OrganisationId, 1, 10_000m),
            new BudgetLineInput(consortium.Partner.OrganisationId, 2, 10_000m));

        Assert.Equal(ConsortiumMemberStatus.Confirmed, changed.Members.Single(m => m.OrganisationId == consortium.Partner.OrganisationId).Status);
        Assert.DoesNotContain(await consortium.Partner.Client.Notifications(), n => n.Kind == "partner-share-changed");
        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_partner_confirming_a_share_that_changed_after_it_read_it_is_refused_and_keeps_awaiting()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var partner = await factory.NewOrganisation("BI");
        var draft = await lead.Draft(call);
        await lead.Invite(draft.Id, partner);
        await lead.Budget(draft.Id, new BudgetLineInput(lead.OrganisationId, 1, 80_000m), new BudgetLineInput(partner.OrganisationId, 1, 20_000m));
        var seen = (await partner.Client.Get(draft.Id)).Members.Single(m => m.OrganisationId == partner.OrganisationId).BudgetFingerprint;

        await lead.Budget(draft.Id, new BudgetLineInput(lead.OrganisationId, 1, 90_000m), new BudgetLineInput(partner.OrganisationId, 1, 10_000m));
        await (await partner.Client.PostJson($"/api/applications/{draft.Id}/partners/{partner.OrganisationId}/confirm", new ConfirmPartnershipRequest(seen)))
            .ShouldBreakRule("budget-changed-since-seen");

        var current = (await partner.Client.Get(draft.Id)).Members.Single(m => m.OrganisationId == partner.OrganisationId);
        Assert.Equal(ConsortiumMemberStatus.Invited, current.Status);
        Assert.NotEqual(seen, current.BudgetFingerprint);
        var confirmed = await partner.ConfirmSeen(draft.Id, current.BudgetFingerprint);
        Assert.Equal(ConsortiumMemberStatus.Confirmed, confirmed.Members.Single(m => m.OrganisationId == partner.OrganisationId).Status);
    }

    [Fact]
    public async Task A_partner_already_awaiting_after_a_change_is_told_once_and_its_reason_is_measured_against_what_it_confirmed()
    {
        var consortium = await factory.ReadyConsortium();
        var (lead, partner) = (consortium.Lead, consortium.Partner);

        await lead.Budget(
            consortium.Id,
            new BudgetLineInput(lead.OrganisationId, 1, 50_000m), new BudgetLineInput(lead.OrganisationId, 2, 30_000m),
            new BudgetLineInput(partner.OrganisationId, 1, 12_000m), new BudgetLineInput(partner.OrganisationId, 2, 10_000m));
        var again = await lead.Budget(
            consortium.Id,
            new BudgetLineInput(lead.OrganisationId, 1, 50_000m), new BudgetLineInput(lead.OrganisationId, 2, 30_000m),
            new BudgetLineInput(partner.OrganisationId, 1, 15_000m));

        var reset = again.Members.Single(m => m.OrganisationId == partner.OrganisationId).ConfirmationReset!;
        Assert.Equal(
            [(1, (decimal?)10_000m, (decimal?)15_000m), (2, (decimal?)10_000m, (decimal?)null)],
            reset.Changes.Select(c => (c.Year, c.PreviousAmount, c.NewAmount)));
        Assert.Single(await partner.Client.Notifications(), n => n.Kind == "partner-share-changed");
    }

    [Fact]
    public async Task An_at_risk_partner_is_told_of_the_change_without_the_lead_s_words_or_its_own_name()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation();
        var atRisk = await factory.NewAtRiskOrganisation("Shelter network at risk", alias: "Shelter circle");
        var draft = await lead.Draft(call);
        await factory.InviteThroughSharedMember(lead, draft.Id, atRisk);
        await lead.Budget(draft.Id, new BudgetLineInput(lead.OrganisationId, 1, 80_000m), new BudgetLineInput(atRisk.OrganisationId, 1, 20_000m));
        await atRisk.Confirm(draft.Id);

        await lead.Budget(draft.Id, new BudgetLineInput(lead.OrganisationId, 1, 75_000m), new BudgetLineInput(atRisk.OrganisationId, 1, 25_000m));

        var told = Assert.Single(await atRisk.Client.Notifications(), n => n.Kind == "partner-share-changed");
        Assert.DoesNotContain(draft.Title, told.Body);
        Assert.DoesNotContain(lead.Organisation.Name, told.Body);
        Assert.DoesNotContain("Shelter", told.Body + told.Subject);
        Assert.Contains(call.Title, told.Body);
        Assert.Contains("year 1: 20,000.00 EUR → 25,000.00 EUR", told.Body);
    }
}
