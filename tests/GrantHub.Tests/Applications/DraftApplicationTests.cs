using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Tests.Applications;

public class DraftApplicationTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task A_draft_starts_with_the_lead_alone_confirmed_and_no_budget_in_the_fund_currency()
    {
        var fund = await factory.CreateFund(currency: "XOF");
        var call = await factory.CreateOpenCall(TestData.CallInput(fund.Id, factory.Clock.GetUtcNow()));
        var lead = await factory.NewOrganisation("NP");

        var draft = await lead.Draft(call);

        Assert.Equal((call.Id, lead.OrganisationId, ApplicationStatus.Draft, "XOF"), (draft.CallId, draft.LeadOrganisationId, draft.Status, draft.Currency));
        Assert.Equal([Pillar.Participation], draft.Pillars);
        Assert.Equal(["NP", "BI"], draft.Countries);
        Assert.Equal([TargetGroup.RuralWomen, TargetGroup.WomenHumanRightsDefenders], draft.TargetGroups);
        Assert.Empty(draft.Budget);
        Assert.Null(draft.SubmittedAt);
    }

    [Fact]
    public async Task Only_a_member_of_the_lead_organisation_can_start_its_application()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var stranger = await factory.NewOrganisation("BI");

        var response = await stranger.Client.PostJson("/api/applications", ApplicationTestData.ApplicationInput(call.Id, lead.OrganisationId));

        await response.ShouldBe(HttpStatusCode.NotFound);
        await (await (await factory.Officer()).PostJson("/api/applications", ApplicationTestData.ApplicationInput(call.Id, lead.OrganisationId)))
            .ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_draft_or_cancelled_call_is_not_found_and_a_closed_call_takes_no_new_applications()
    {
        var lead = await factory.NewOrganisation("NP");
        var officer = await factory.Officer();
        var unpublished = await factory.CreateCall();
        var cancelled = await factory.OpenCall();
        await (await officer.PostJson($"/api/calls/{cancelled.Id}/cancel")).ShouldBe(HttpStatusCode.OK);
        var closed = await factory.OpenCall();
        await (await officer.PostJson($"/api/calls/{closed.Id}/close")).ShouldBe(HttpStatusCode.OK);

        await (await lead.Client.PostJson("/api/applications", ApplicationTestData.ApplicationInput(unpublished.Id, lead.OrganisationId))).ShouldBe(HttpStatusCode.NotFound);
        await (await lead.Client.PostJson("/api/applications", ApplicationTestData.ApplicationInput(cancelled.Id, lead.OrganisationId))).ShouldBe(HttpStatusCode.NotFound);
        await (await lead.Client.PostJson("/api/applications", ApplicationTestData.ApplicationInput(Guid.NewGuid(), lead.OrganisationId))).ShouldBe(HttpStatusCode.NotFound);
        await (await lead.Client.PostJson("/api/applications", ApplicationTestData.ApplicationInput(closed.Id, lead.OrganisationId))).ShouldBreakRule("call-closed");
    }

    [Fact]
    public async Task A_lead_organisation_has_one_application_per_call()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var (colleague, _) = await factory.NewMemberOf(lead);
        var first = await lead.Draft(call);

        var response = await colleague.PostJson("/api/applications", ApplicationTestData.ApplicationInput(call.Id, lead.OrganisationId));

        await response.ShouldBreakRule("duplicate-application");
        var count = await factory.WithDb(db => db.Applications.CountAsync(a => a.CallId == call.Id));
        Assert.Equal(1, count);
        var otherCall = await factory.OpenCall();
        Assert.NotEqual(first.Id, (await lead.Draft(otherCall)).Id);
    }

    [Fact]
    public async Task After_withdrawing_its_application_a_lead_may_start_afresh()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var first = await lead.Draft(call);
        await (await lead.Client.PostJson($"/api/applications/{first.Id}/withdraw")).ShouldBe(HttpStatusCode.OK);

        var second = await lead.Draft(call);

        Assert.NotEqual(first.Id, second.Id);
        await (await lead.Client.PostJson("/api/applications", ApplicationTestData.ApplicationInput(call.Id, lead.OrganisationId))).ShouldBreakRule("duplicate-application");
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_live_application_of_a_lead_to_a_call()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var first = await lead.Draft(call);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => factory.WithDb(async db =>
        {
            var callEntity = await db.Calls.SingleAsync(c => c.Id == call.Id);
            db.Applications.Add(Application.Draft(
                callEntity, lead.OrganisationId, "EUR",
                new ApplicationNarrative("Twin", "Twin", [Pillar.Participation], ["NP"], [], 12), Guid.NewGuid(), factory.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("UNIQUE", error.InnerException?.Message ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(first.Id, (await lead.Client.Get(first.Id)).Id);
    }

    [Theory]
    [InlineData("title", "", "NP", 24)]
    [InlineData("countries[0]", "Title", "ZZ", 24)]
    [InlineData("durationMonths", "Title", "NP", 0)]
    [InlineData("durationMonths", "Title", "NP", 121)]
    public async Task Invalid_application_is_refused(string field, string title, string country, int durationMonths)
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var input = ApplicationTestData.ApplicationInput(call.Id, lead.OrganisationId) with
        {
            Title = title, Countries = [country], DurationMonths = durationMonths,
        };

        await (await lead.Client.PostJson("/api/applications", input)).ShouldBeInvalid(field);
    }

    [Fact]
    public async Task Pillars_the_call_does_not_fund_are_refused()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var input = ApplicationTestData.ApplicationInput(call.Id, lead.OrganisationId) with { Pillars = [Pillar.ReliefAndRecovery] };

        await (await lead.Client.PostJson("/api/applications", input)).ShouldBeInvalid("pillars");
    }

    [Fact]
    public async Task Repeated_countries_and_missing_lists_are_refused()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");

        await (await lead.Client.PostJson("/api/applications", ApplicationTestData.ApplicationInput(call.Id, lead.OrganisationId) with { Countries = ["NP", "NP"] }))
            .ShouldBeInvalid("countries");
        await (await lead.Client.PostJson("/api/applications", ApplicationTestData.ApplicationInput(call.Id, lead.OrganisationId) with { Pillars = [] }))
            .ShouldBeInvalid("pillars");
        await (await lead.Client.PostJson("/api/applications", ApplicationTestData.ApplicationInput(call.Id, lead.OrganisationId) with { TargetGroups = null! }))
            .ShouldBeInvalid("targetGroups");
        await (await lead.Client.PostJson("/api/applications", ApplicationTestData.ApplicationInput(call.Id, lead.OrganisationId) with { Countries = null! }))
            .ShouldBeInvalid("countries");
    }

    [Fact]
    public async Task Unknown_target_group_and_unknown_fields_are_refused()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var valid = ApplicationTestData.ApplicationInput(call.Id, lead.OrganisationId);

        var unknownGroup = await lead.Client.PostJson("/api/applications", new
        {
            valid.CallId, valid.LeadOrganisationId, valid.Title, valid.Summary, valid.Pillars, valid.Countries,
            targetGroups = new[] { "OlderWomen" }, valid.DurationMonths,
        });
        var unknownField = await lead.Client.PostJson("/api/applications", new
        {
            valid.CallId, valid.LeadOrganisationId, valid.Title, valid.Summary, valid.Pillars, valid.Countries,
            valid.TargetGroups, valid.DurationMonths, status = "Submitted",
        });

        var problem = await unknownGroup.ReadJson(HttpStatusCode.BadRequest);
        Assert.Contains("targetGroups", problem.GetProperty("errors").EnumerateObject().Single().Name);
        await unknownField.ShouldBeInvalid("status");
    }

    [Fact]
    public async Task The_lead_edits_the_narrative_of_its_draft()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var draft = await lead.Draft(call);

        var updated = await (await lead.Client.PutJson($"/api/applications/{draft.Id}", ApplicationTestData.UpdateInput(draft, "Peace circles", 36) with
        {
            TargetGroups = [TargetGroup.WomenWithDisabilities],
            Countries = ["BI"],
        })).ReadAs<ApplicationResponse>();

        Assert.Equal(("Peace circles", 36, ApplicationStatus.Draft), (updated.Title, updated.DurationMonths, updated.Status));
        Assert.Equal([TargetGroup.WomenWithDisabilities], updated.TargetGroups);
        Assert.Equal(["BI"], updated.Countries);
    }

    [Fact]
    public async Task The_call_and_the_lead_of_an_application_never_change()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var draft = await lead.Draft(call);
        var other = await factory.NewOrganisation("BI");

        await (await lead.Client.PutJson($"/api/applications/{draft.Id}", ApplicationTestData.UpdateInput(draft) with { CallId = Guid.NewGuid() }))
            .ShouldBeInvalid("callId");
        await (await lead.Client.PutJson($"/api/applications/{draft.Id}", ApplicationTestData.UpdateInput(draft) with { LeadOrganisationId = other.OrganisationId }))
            .ShouldBeInvalid("leadOrganisationId");
        await (await lead.Client.PutJson($"/api/applications/{draft.Id}", ApplicationTestData.UpdateInput(draft) with { CallId = null, LeadOrganisationId = null }))
            .ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Shortening_the_duration_below_the_budgeted_years_is_refused_until_the_budget_is_shortened()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var draft = await lead.Draft(call, durationMonths: 36);
        await lead.Budget(draft.Id, new BudgetLineInput(lead.OrganisationId, 3, 60_000m));

        await (await lead.Client.PutJson($"/api/applications/{draft.Id}", ApplicationTestData.UpdateInput(draft, durationMonths: 24)))
            .ShouldBreakRule("budget-beyond-duration");

        await lead.Budget(draft.Id, new BudgetLineInput(lead.OrganisationId, 2, 60_000m));
        var shortened = await (await lead.Client.PutJson($"/api/applications/{draft.Id}", ApplicationTestData.UpdateInput(draft, durationMonths: 24)))
            .ReadAs<ApplicationResponse>();
        Assert.Equal(24, shortened.DurationMonths);
    }

    [Fact]
    public async Task A_partner_reads_the_lead_s_narrative_but_cannot_change_it()
    {
        var consortium = await factory.ReadyConsortium();

        var response = await consortium.Partner.Client.PutJson(
            $"/api/applications/{consortium.Id}", ApplicationTestData.UpdateInput(consortium.Application, "Taken over"));

        await response.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(consortium.Application.Title, (await consortium.Partner.Client.Get(consortium.Id)).Title);
    }

    [Fact]
    public async Task The_summary_stays_out_of_the_audit_trail()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var draft = await lead.Draft(call);

        var payload = await factory.WithDb(db => db.AuditEntries.Where(a => a.ObjectId == draft.Id).Select(a => a.Payload).SingleAsync());

        Assert.DoesNotContain(draft.Summary, payload);
        Assert.Contains(draft.Title, payload);
    }
}
