using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Organisations;
using GrantHub.Core.Applications;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;

namespace GrantHub.Tests.Applications;

public class SubmitApplicationTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Lead_cannot_submit_before_every_partner_confirms()
    {
        var consortium = await factory.ReadyConsortium();
        var latecomer = await factory.NewOrganisation("CO");
        await consortium.Lead.Invite(consortium.Id, latecomer);

        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBreakRule("partners-not-confirmed");

        await latecomer.Confirm(consortium.Id);
        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_call_that_requires_a_consortium_rejects_a_solo_application()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var draft = await lead.Draft(call);
        await lead.Budget(draft.Id, new BudgetLineInput(lead.OrganisationId, 1, 60_000m));

        await (await lead.Client.Submit(draft.Id)).ShouldBreakRule("consortium-required");
    }

    [Fact]
    public async Task A_declined_partner_does_not_count_towards_the_consortium()
    {
        var consortium = await factory.ReadyConsortium();
        await (await consortium.Partner.Client.PostJson($"/api/applications/{consortium.Id}/partners/{consortium.Partner.OrganisationId}/decline"))
            .ShouldBe(HttpStatusCode.OK);

        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBreakRule("consortium-required");
    }

    [Fact]
    public async Task A_call_open_to_single_organisations_accepts_a_solo_application()
    {
        var call = await factory.OpenCall(input => input with { Consortium = new ConsortiumRule(Required: false, MinPartners: 0, MaxPartners: 2) });
        var lead = await factory.NewOrganisation("NP");
        var draft = await lead.Draft(call);
        await lead.Budget(draft.Id, new BudgetLineInput(lead.OrganisationId, 1, 60_000m));

        var submitted = await (await lead.Client.Submit(draft.Id)).ReadAs<ApplicationResponse>();

        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
    }

    [Fact]
    public async Task Too_many_partners_for_the_call_is_refused()
    {
        var call = await factory.OpenCall(input => input with { Consortium = new ConsortiumRule(Required: true, MinPartners: 1, MaxPartners: 1) });
        var consortium = await factory.ReadyConsortium(call);
        var second = await factory.NewOrganisation("CO");
        await consortium.Lead.Invite(consortium.Id, second);
        await second.Confirm(consortium.Id);

        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBreakRule("partner-count-out-of-range");
    }

    [Fact]
    public async Task Too_few_partners_for_the_call_is_refused()
    {
        var call = await factory.OpenCall(input => input with { Consortium = new ConsortiumRule(Required: true, MinPartners: 2, MaxPartners: 3) });
        var consortium = await factory.ReadyConsortium(call);

        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBreakRule("partner-count-out-of-range");
    }

    [Theory]
    [InlineData(49_999.99)]
    [InlineData(300_000.01)]
    public async Task A_requested_total_outside_the_call_range_is_refused(double total)
    {
        var consortium = await factory.ReadyConsortium();
        await consortium.Lead.Budget(consortium.Id, new BudgetLineInput(consortium.Lead.OrganisationId, 1, (decimal)total));
        await consortium.Partner.Confirm(consortium.Id);

        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBreakRule("requested-total-out-of-range");
    }

    [Fact]
    public async Task The_requested_total_may_be_exactly_the_call_maximum()
    {
        var consortium = await factory.ReadyConsortium();
        await consortium.Lead.Budget(
            consortium.Id,
            new BudgetLineInput(consortium.Lead.OrganisationId, 1, 150_000m),
            new BudgetLineInput(consortium.Partner.OrganisationId, 2, 150_000m));
        await consortium.Partner.Confirm(consortium.Id);

        var submitted = await (await consortium.Lead.Client.Submit(consortium.Id)).ReadAs<ApplicationResponse>();

        Assert.Equal(300_000m, submitted.RequestedTotal);
    }

    [Fact]
    public async Task A_duration_outside_the_call_range_is_refused()
    {
        var consortium = await factory.ReadyConsortium();
        await (await consortium.Lead.Client.PutJson($"/api/applications/{consortium.Id}", ApplicationTestData.UpdateInput(consortium.Application, durationMonths: 48)))
            .ShouldBe(HttpStatusCode.OK);

        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBreakRule("duration-out-of-range");
    }

    [Fact]
    public async Task An_application_without_budget_is_refused()
    {
        var consortium = await factory.ReadyConsortium();
        await consortium.Lead.Budget(consortium.Id);
        await consortium.Partner.Confirm(consortium.Id);

        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBreakRule("budget-missing");
    }

    [Fact]
    public async Task A_lead_from_a_country_the_call_does_not_cover_is_refused()
    {
        var consortium = await factory.ReadyConsortium(leadCountry: "KE");

        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBreakRule("lead-country-not-eligible");
    }

    [Fact]
    public async Task A_lead_that_failed_due_diligence_is_refused_and_one_not_yet_checked_is_not()
    {
        var consortium = await factory.ReadyConsortium();
        var officer = await factory.Officer();
        await (await officer.PostJson($"/api/organisations/{consortium.Lead.OrganisationId}/due-diligence",
            new RecordDueDiligenceRequest(DueDiligenceStatus.Failed, "Unresolved audit findings."))).ShouldBe(HttpStatusCode.OK);

        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBreakRule("lead-due-diligence-failed");

        await (await officer.PostJson($"/api/organisations/{consortium.Lead.OrganisationId}/due-diligence",
            new RecordDueDiligenceRequest(DueDiligenceStatus.NotStarted, "Re-opened after new documents."))).ShouldBe(HttpStatusCode.OK);
        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_call_closed_early_by_an_officer_takes_no_more_submissions()
    {
        var consortium = await factory.ReadyConsortium();
        await (await (await factory.Officer()).PostJson($"/api/calls/{consortium.Call.Id}/close")).ShouldBe(HttpStatusCode.OK);

        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBreakRule("call-closed");
    }

    [Fact]
    public async Task A_cancelled_call_takes_no_submissions()
    {
        var consortium = await factory.ReadyConsortium();
        await (await (await factory.Officer()).PostJson($"/api/calls/{consortium.Call.Id}/cancel")).ShouldBe(HttpStatusCode.OK);

        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBreakRule("call-not-open");
    }

    [Fact]
    public async Task A_published_call_takes_drafts_but_no_submissions_before_it_opens()
    {
        var now = factory.Clock.GetUtcNow();
        var call = await factory.OpenCall(input => input with { OpensAt = now.AddDays(2), ClosesAt = now.AddDays(30) });
        var consortium = await factory.ReadyConsortium(call);

        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBreakRule("call-not-open");
    }

    [Fact]
    public async Task A_submitted_application_is_frozen()
    {
        var consortium = await factory.ReadyConsortium();
        var lead = consortium.Lead;
        var newcomer = await factory.NewOrganisation("CO");
        await (await lead.Client.Submit(consortium.Id)).ShouldBe(HttpStatusCode.OK);
        var partnerRoute = $"/api/applications/{consortium.Id}/partners/{consortium.Partner.OrganisationId}";

        await (await lead.Client.PutJson($"/api/applications/{consortium.Id}", ApplicationTestData.UpdateInput(consortium.Application))).ShouldBreakRule("application-not-editable");
        await (await lead.Client.PutBudget(consortium.Id, new BudgetLineInput(lead.OrganisationId, 1, 60_000m))).ShouldBreakRule("application-not-editable");
        await (await lead.Client.PostJson($"/api/applications/{consortium.Id}/partners", new InvitePartnerRequest(newcomer.OrganisationId))).ShouldBreakRule("application-not-editable");
        await (await lead.Client.DeleteAsync(partnerRoute)).ShouldBreakRule("application-not-editable");
        await (await consortium.Partner.Client.PostJson($"{partnerRoute}/decline")).ShouldBreakRule("application-not-editable");
        await (await consortium.Partner.Client.PostJson($"{partnerRoute}/confirm")).ShouldBreakRule("application-not-editable");
        await (await lead.Client.Submit(consortium.Id)).ShouldBreakRule("application-invalid-transition");

        var unchanged = await lead.Client.Get(consortium.Id);
        Assert.Equal((ApplicationStatus.Submitted, 100_000m, 2), (unchanged.Status, unchanged.RequestedTotal, unchanged.Members.Count));
    }

    [Fact]
    public async Task Only_the_lead_submits()
    {
        var consortium = await factory.ReadyConsortium();

        await (await consortium.Partner.Client.Submit(consortium.Id)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Officer()).Submit(consortium.Id)).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(ApplicationStatus.Draft, (await consortium.Lead.Client.Get(consortium.Id)).Status);
    }

    [Fact]
    public async Task A_refused_submission_changes_nothing_and_tells_no_one()
    {
        var consortium = await factory.ReadyConsortium();
        await consortium.Lead.Budget(consortium.Id);
        await consortium.Partner.Confirm(consortium.Id);

        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBreakRule("budget-missing");

        Assert.Equal(ApplicationStatus.Draft, (await consortium.Lead.Client.Get(consortium.Id)).Status);
        Assert.DoesNotContain(await consortium.Partner.Client.Notifications(), n => n.Kind == "application-submitted");
    }
}
