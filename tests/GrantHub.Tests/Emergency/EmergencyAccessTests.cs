using System.Net;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Infrastructure;
using GrantHub.Core.Emergency;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Emergency;

public class EmergencyAccessTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Another_organisations_user_gets_404_on_every_route()
    {
        var member = await factory.NewOrganisationMember();
        var stranger = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        var url = $"{EmergencyTestData.Url}/{request.Id}";

        await (await stranger.Client.GetAsync(url)).ShouldBe(HttpStatusCode.NotFound);
        await (await stranger.Client.Cancel(request.Id)).ShouldBe(HttpStatusCode.NotFound);
        await (await stranger.Client.PostEmergencyRequest(factory.Body(member.OrganisationId, fund.Id))).ShouldBe(HttpStatusCode.NotFound);
        var list = await (await stranger.Client.GetAsync($"{EmergencyTestData.Url}?pageSize=100")).ReadAs<PagedResponse<EmergencyRequestResponse>>();
        Assert.DoesNotContain(list.Items, r => r.Id == request.Id);
        Assert.Equal(EmergencyRequestStatus.Submitted, (await (await member.Client.GetAsync(url)).ReadAs<EmergencyRequestResponse>()).Status);
    }

    [Fact]
    public async Task Not_yours_and_does_not_exist_look_the_same()
    {
        var member = await factory.NewOrganisationMember();
        var stranger = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));

        var notYours = await (await stranger.Client.GetAsync($"{EmergencyTestData.Url}/{request.Id}")).ReadJson(HttpStatusCode.NotFound);
        var absent = await (await stranger.Client.GetAsync($"{EmergencyTestData.Url}/{Guid.NewGuid()}")).ReadJson(HttpStatusCode.NotFound);

        Assert.Equal(absent.GetProperty("detail").GetString(), notYours.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Applicants_list_only_their_organisations_requests_and_staff_list_all()
    {
        var member = await factory.NewOrganisationMember();
        var other = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var mine = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        var theirs = await other.Client.Submit(factory.Body(other.OrganisationId, fund.Id));

        var myList = await (await member.Client.GetAsync(EmergencyTestData.Url)).ReadAs<PagedResponse<EmergencyRequestResponse>>();
        var staffList = await (await (await factory.Reviewer()).GetAsync($"{EmergencyTestData.Url}?fundId={fund.Id}")).ReadAs<PagedResponse<EmergencyRequestResponse>>();

        Assert.Equal([mine.Id], myList.Items.Select(r => r.Id));
        Assert.Equal(1, myList.TotalCount);
        Assert.Equal(2, staffList.TotalCount);
        Assert.Equal(new[] { mine.Id, theirs.Id }.Order(), staffList.Items.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task List_is_paged_and_filtered_by_status_and_fund()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var otherFund = await factory.CreateRapidResponseFund();
        var first = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        await member.Client.Submit(factory.Body(member.OrganisationId, otherFund.Id));
        await (await member.Client.Cancel(first.Id)).ShouldBe(HttpStatusCode.OK);

        var page = await (await member.Client.GetAsync($"{EmergencyTestData.Url}?fundId={fund.Id}&page=1&pageSize=1")).ReadAs<PagedResponse<EmergencyRequestResponse>>();
        var cancelled = await (await member.Client.GetAsync($"{EmergencyTestData.Url}?status=Cancelled")).ReadAs<PagedResponse<EmergencyRequestResponse>>();

        Assert.Equal(2, page.TotalCount);
        Assert.Equal(second.Id, Assert.Single(page.Items).Id);
        Assert.Equal(first.Id, Assert.Single(cancelled.Items).Id);
        await (await member.Client.GetAsync($"{EmergencyTestData.Url}?pageSize=101")).ShouldBeInvalid("pageSize");
    }

    [Fact]
    public async Task Anonymous_visitor_cannot_read()
    {
        var anonymous = factory.CreateClient();

        await (await anonymous.GetAsync(EmergencyTestData.Url)).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync($"{EmergencyTestData.Url}/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.Unauthorized);
    }
}
