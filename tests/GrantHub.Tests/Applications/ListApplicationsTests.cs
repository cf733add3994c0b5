using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Core.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;

namespace GrantHub.Tests.Applications;

public class ListApplicationsTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Applicants_list_the_applications_their_organisations_lead_or_partner_in()
    {
        var consortium = await factory.ReadyConsortium();
        var otherCall = await factory.OpenCall();
        var partnerOwnDraft = await consortium.Partner.Draft(otherCall);
        var unrelated = await factory.ReadyConsortium();

        var leadList = await List(consortium.Lead.Client, "");
        var partnerList = await List(consortium.Partner.Client, "");

        Assert.Equal([consortium.Id], leadList.Items.Select(a => a.Id));
        Assert.Equal(new[] { partnerOwnDraft.Id, consortium.Id }.Order(), partnerList.Items.Select(a => a.Id).Order());
        Assert.DoesNotContain(partnerList.Items, a => a.Id == unrelated.Id);
        Assert.Equal(2, partnerList.TotalCount);
    }

    [Fact]
    public async Task Lists_filter_by_call_and_status()
    {
        var call = await factory.OpenCall();
        var submitted = await factory.ReadyConsortium(call);
        await (await submitted.Lead.Client.Submit(submitted.Id)).ShouldBe(HttpStatusCode.OK);
        var draft = await factory.ReadyConsortium(call);
        await factory.ReadyConsortium();
        var officer = await factory.Officer();

        var ofCall = await List(officer, $"callId={call.Id}");
        var submittedOfCall = await List(officer, $"callId={call.Id}&status=Submitted");
        var draftsOfCall = await List(officer, $"callId={call.Id}&status=Draft");

        Assert.Equal(2, ofCall.TotalCount);
        Assert.Equal([submitted.Id], submittedOfCall.Items.Select(a => a.Id));
        Assert.Equal([draft.Id], draftsOfCall.Items.Select(a => a.Id));
        Assert.All(submittedOfCall.Items, a => Assert.Equal(ApplicationStatus.Submitted, a.Status));
    }

    [Theory]
    [InlineData("status=Bogus", "Status", "Bogus")]
    [InlineData("page=abc", "Page", "abc")]
    [InlineData("callId=not-an-id", "CallId", "not-an-id")]
    public async Task A_filter_value_that_does_not_parse_is_refused_naming_the_parameter_and_the_value(string query, string parameter, string value)
    {
        var lead = await factory.Lead();

        var problem = await (await lead.GetAsync($"/api/applications?{query}")).ReadJson(HttpStatusCode.BadRequest);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(parameter, detail);
        Assert.Contains(value, detail);
    }

    [Fact]
    public async Task Newest_submission_first_and_drafts_by_their_creation_time()
    {
        var call = await factory.OpenCall();
        var first = await factory.ReadyConsortium(call);
        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        var second = await factory.ReadyConsortium(call);
        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        await (await first.Lead.Client.Submit(first.Id)).ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        var third = await factory.ReadyConsortium(call);
        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        await (await second.Lead.Client.Submit(second.Id)).ShouldBe(HttpStatusCode.OK);
        var officer = await factory.Officer();

        var all = await List(officer, $"callId={call.Id}");

        // second submitted last, then third (created after first was submitted), then first.
        Assert.Equal([second.Id, third.Id, first.Id], all.Items.Select(a => a.Id));
    }

    [Fact]
    public async Task Lists_come_in_pages_of_at_most_one_hundred()
    {
        var call = await factory.OpenCall();
        for (var i = 0; i < 3; i++)
        {
            await factory.ReadyConsortium(call);
        }

        var officer = await factory.Officer();
        var firstPage = await List(officer, $"callId={call.Id}&page=1&pageSize=2");
        var secondPage = await List(officer, $"callId={call.Id}&page=2&pageSize=2");

        Assert.Equal((2, 1, 3), (firstPage.Items.Count, secondPage.Items.Count, firstPage.TotalCount));
        Assert.Empty(firstPage.Items.Select(a => a.Id).Intersect(secondPage.Items.Select(a => a.Id)));
        await (await officer.GetAsync("/api/applications?pageSize=101")).ShouldBeInvalid("pageSize");
        await (await officer.GetAsync("/api/applications?page=0")).ShouldBeInvalid("page");
        await (await officer.GetAsync("/api/applications?status=Shortlisted")).ShouldBe(HttpStatusCode.BadRequest);
    }

    private static async Task<PagedResponse<ApplicationResponse>> List(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/applications?{query}")).ReadAs<PagedResponse<ApplicationResponse>>();
}
