using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;
using GrantHub.Tests.Reviews;

namespace GrantHub.Tests.Applications;

/// <summary><c>GET /api/calls/{id}/applications</c>: the officers' table of a call's applications.</summary>
public class ListCallApplicationsTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Officers_filter_a_call_s_applications_by_status_country_pillar_target_group_and_women_led_lead()
    {
        var call = await factory.OpenCall();
        var nepal = await factory.SubmittedConsortium(call);
        var colombia = await Submitted(await factory.ReadyConsortium(call), a => a with
        {
            Countries = ["CO"], Pillars = [Pillar.Protection], TargetGroups = [TargetGroup.YoungWomen],
        });
        var notWomenLed = await Submitted(await NotWomenLedConsortium(call));
        var draft = await factory.ReadyConsortium(call);
        await factory.Assign(nepal.Id, await factory.NewReviewer());

        Assert.Equal([colombia], await Ids(call.Id, "country=co"));
        Assert.Equal([colombia], await Ids(call.Id, "pillar=Protection"));
        Assert.Equal(new[] { nepal.Id, notWomenLed, draft.Id }.Order(), (await Ids(call.Id, "targetGroup=RuralWomen")).Order());
        Assert.Equal([notWomenLed], await Ids(call.Id, "womenLed=false"));
        Assert.Equal([nepal.Id], await Ids(call.Id, "status=UnderReview"));
        Assert.Equal([draft.Id], await Ids(call.Id, "status=Draft"));
        Assert.Equal(4, (await List(call.Id, "")).TotalCount);
    }

    [Fact]
    public async Task Officers_sort_by_mean_score_with_unscored_applications_last_or_by_amount_and_page_through()
    {
        var call = await factory.OpenCall();
        var low = await factory.SubmittedConsortium(call);
        var high = await factory.SubmittedConsortium(call);
        var unscored = await factory.ReadyConsortium(call);
        await unscored.Lead.Budget(unscored.Id, new BudgetLineInput(unscored.Lead.OrganisationId, 1, 70_000m), new BudgetLineInput(unscored.Partner.OrganisationId, 1, 10_000m));
        await unscored.Partner.Confirm(unscored.Id);
        await (await unscored.Lead.Client.Submit(unscored.Id)).ShouldBe(HttpStatusCode.OK);
        await factory.Review(low.Id, await factory.NewReviewer(), relevance: 2, consortium: 2);
        await factory.Review(high.Id, await factory.NewReviewer(), relevance: 5, consortium: 4);

        var byScore = await List(call.Id, "sort=ScoreHighest");
        Assert.Equal([high.Id, low.Id, unscored.Id], byScore.Items.Select(r => r.ApplicationId));
        Assert.Equal([92m, 40m], byScore.Items.Take(2).Select(r => r.Score!.Value));
        Assert.Equal([low.Id, high.Id, unscored.Id], await Ids(call.Id, "sort=ScoreLowest"));
        Assert.Equal(unscored.Id, (await Ids(call.Id, "sort=AmountLowest"))[0]);
        Assert.Equal(unscored.Id, (await Ids(call.Id, "sort=AmountHighest"))[^1]);

        var second = await List(call.Id, "sort=ScoreHighest&page=2&pageSize=1");
        Assert.Equal([low.Id], second.Items.Select(r => r.ApplicationId));
        Assert.Equal(3, second.TotalCount);
    }

    [Fact]
    public async Task Only_officers_and_admins_read_the_table_and_bad_filters_are_named()
    {
        var consortium = await factory.SubmittedConsortium();
        var url = $"/api/calls/{consortium.Call.Id}/applications";

        await (await (await factory.Reviewer()).GetAsync(url)).ShouldBe(HttpStatusCode.Forbidden);
        await (await consortium.Lead.Client.GetAsync(url)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Admin()).GetAsync(url)).ShouldBe(HttpStatusCode.OK);
        await (await (await factory.Officer()).GetAsync($"/api/calls/{Guid.NewGuid()}/applications")).ShouldBe(HttpStatusCode.NotFound);
        await (await (await factory.Officer()).GetAsync(url + "?country=Nepal")).ShouldBeInvalid("country");
    }

    private async Task<Guid> Submitted(Consortium consortium, Func<UpdateApplicationRequest, UpdateApplicationRequest>? change = null)
    {
        if (change is not null)
        {
            await (await consortium.Lead.Client.PutJson($"/api/applications/{consortium.Id}", change(ApplicationTestData.UpdateInput(consortium.Application, consortium.Application.Title))))
                .ShouldBe(HttpStatusCode.OK);
        }

        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBe(HttpStatusCode.OK);
        return consortium.Id;
    }

    private async Task<Consortium> NotWomenLedConsortium(GrantHub.Api.Features.Calls.CallResponse call)
    {
        var email = $"applicant-{Guid.NewGuid():N}@example.org";
        var client = await factory.NewApplicant(email);
        var organisation = await (await client.PostJson("/api/organisations", OrganisationTestData.OrganisationInput() with { WomenLed = false }))
            .ReadAs<OrganisationResponse>(HttpStatusCode.Created);
        var lead = new Applicant(client, email, organisation);
        var partner = await factory.NewOrganisation("BI");
        var application = await lead.Draft(call);
        await lead.Invite(application.Id, partner);
        await lead.Budget(application.Id, new BudgetLineInput(lead.OrganisationId, 1, 60_000m), new BudgetLineInput(partner.OrganisationId, 1, 10_000m));
        application = await partner.Confirm(application.Id);
        return new Consortium(call, lead, partner, application);
    }

    private async Task<PagedResponse<CallApplicationRow>> List(Guid callId, string query) =>
        await (await (await factory.Officer()).GetAsync($"/api/calls/{callId}/applications?{query}")).ReadAs<PagedResponse<CallApplicationRow>>();

    private async Task<List<Guid>> Ids(Guid callId, string query) =>
        [.. (await List(callId, query)).Items.Select(r => r.ApplicationId)];
}
