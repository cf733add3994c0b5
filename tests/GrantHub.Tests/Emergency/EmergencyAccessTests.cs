using System.Net;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Core.Emergency;
using GrantHub.Core.Identity;
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
    public async Task Applicants_list_only_their_organisations_requests_and_finance_programme_officers_and_admins_list_all()
    {
        var member = await factory.NewOrganisationMember();
        var other = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var mine = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        var theirs = await other.Client.Submit(factory.Body(other.OrganisationId, fund.Id));

        var myList = await (await member.Client.GetAsync(EmergencyTestData.Url)).ReadAs<PagedResponse<EmergencyRequestResponse>>();

        Assert.Equal([mine.Id], myList.Items.Select(r => r.Id));
        Assert.Equal(1, myList.TotalCount);
        foreach (var staff in new[] { await factory.Finance(), await factory.Officer(), await factory.Admin() })
        {
            var staffList = await (await staff.GetAsync($"{EmergencyTestData.Url}?fundId={fund.Id}")).ReadAs<PagedResponse<EmergencyRequestResponse>>();
            Assert.Equal(2, staffList.TotalCount);
            Assert.Equal(new[] { mine.Id, theirs.Id }.Order(), staffList.Items.Select(r => r.Id).Order());
        }
    }

    [Fact]
    public async Task Reviewer_sees_no_emergency_request_at_all()
    {
        var member = await factory.NewOrganisationMember(sensitive: true);
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        await (await (await factory.Finance()).Reject(request.Id, "Threat assessment: the husband of the coordinator is the source.")).ShouldBe(HttpStatusCode.OK);
        var reviewer = await factory.Reviewer();

        var read = await (await reviewer.GetAsync($"{EmergencyTestData.Url}/{request.Id}")).ReadJson(HttpStatusCode.NotFound);
        var absent = await (await reviewer.GetAsync($"{EmergencyTestData.Url}/{Guid.NewGuid()}")).ReadJson(HttpStatusCode.NotFound);

        Assert.Equal(absent.GetProperty("detail").GetString(), read.GetProperty("detail").GetString());
        Assert.DoesNotContain("Threat assessment", read.ToString());
        await (await reviewer.GetAsync($"{EmergencyTestData.Url}?fundId={fund.Id}")).ShouldBe(HttpStatusCode.Forbidden);
        await (await reviewer.GetAsync(EmergencyTestData.Url)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reviewer_who_belongs_to_an_organisation_sees_only_that_organisations_requests()
    {
        var (reviewer, reviewerId) = await factory.NewStaff(Roles.Reviewer);
        var ownOrganisation = await factory.CreateOrganisation(reviewerId);
        var other = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var own = await reviewer.Submit(factory.Body(ownOrganisation, fund.Id));
        var theirs = await other.Client.Submit(factory.Body(other.OrganisationId, fund.Id));

        var list = await (await reviewer.GetAsync($"{EmergencyTestData.Url}?fundId={fund.Id}")).ReadAs<PagedResponse<EmergencyRequestResponse>>();

        Assert.Equal([own.Id], list.Items.Select(r => r.Id));
        Assert.Equal(EmergencyTestData.Justification, (await (await reviewer.GetAsync($"{EmergencyTestData.Url}/{own.Id}")).ReadAs<EmergencyRequestResponse>()).Justification);
        await (await reviewer.GetAsync($"{EmergencyTestData.Url}/{theirs.Id}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Finance_comments_are_read_by_finance_and_programme_officers_only()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(approvalThreshold: 100m);
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 1_000m));
        const string comment = "Checked with the protection desk: the threat comes from a local official.";
        await (await (await factory.Finance()).Approve(request.Id, comment)).ShouldBe(HttpStatusCode.OK);
        var url = $"{EmergencyTestData.Url}/{request.Id}";

        foreach (var entitled in new[] { await factory.Finance2(), await factory.Officer() })
        {
            Assert.Equal(comment, Assert.Single((await (await entitled.GetAsync(url)).ReadAs<EmergencyRequestResponse>()).Approvals).Comment);
        }

        var admin = await factory.Admin();
        var adminRead = await (await admin.GetAsync(url)).ReadAs<EmergencyRequestResponse>();
        Assert.Null(Assert.Single(adminRead.Approvals).Comment);
        Assert.Null(adminRead.Justification);
        var adminList = await (await admin.GetAsync($"{EmergencyTestData.Url}?fundId={fund.Id}")).ReadAs<PagedResponse<EmergencyRequestResponse>>();
        Assert.Null(Assert.Single(Assert.Single(adminList.Items).Approvals).Comment);
        var memberRead = await (await member.Client.GetAsync(url)).ReadAs<EmergencyRequestResponse>();
        Assert.Null(Assert.Single(memberRead.Approvals).Comment);
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
