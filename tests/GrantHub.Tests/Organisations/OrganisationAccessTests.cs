using System.Net;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Core.Organisations;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Organisations;

public class OrganisationAccessTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Applicants_list_only_the_organisations_they_belong_to()
    {
        var mine = await factory.NewOrganisation("NP");
        var theirs = await factory.NewOrganisation("BI");

        var page = await (await mine.Client.GetAsync("/api/organisations")).ReadAs<PagedResponse<OrganisationResponse>>();

        var only = Assert.Single(page.Items);
        Assert.Equal(mine.OrganisationId, only.Id);
        Assert.Equal(1, page.TotalCount);
        Assert.DoesNotContain(page.Items, o => o.Id == theirs.OrganisationId);
    }

    [Fact]
    public async Task Overseeing_staff_list_every_organisation_in_pages_ordered_by_name()
    {
        await factory.NewOrganisation("NP", name: $"AAA First {Guid.NewGuid():N}");
        await factory.NewOrganisation("BI", sensitive: true);
        var officer = await factory.Officer();

        var page = await (await officer.GetAsync("/api/organisations?page=1&pageSize=2")).ReadAs<PagedResponse<OrganisationResponse>>();

        Assert.Equal(2, page.Items.Count);
        Assert.True(page.TotalCount >= 4);
        Assert.True(string.CompareOrdinal(page.Items[0].Name, page.Items[1].Name) <= 0);
        var finance = await factory.Finance();
        var all = await (await finance.GetAsync("/api/organisations?pageSize=100")).ReadAs<PagedResponse<OrganisationResponse>>();
        Assert.Equal(page.TotalCount, all.TotalCount);
    }

    [Fact]
    public async Task Reviewers_do_not_browse_the_register_of_organisations()
    {
        var organisation = await factory.NewOrganisation("NP", sensitive: true);
        var reviewer = await factory.Reviewer();

        var page = await (await reviewer.GetAsync("/api/organisations")).ReadAs<PagedResponse<OrganisationResponse>>();

        Assert.Empty(page.Items);
        await (await reviewer.GetAsync($"/api/organisations/{organisation.OrganisationId}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Members_and_staff_read_an_organisation_and_everyone_else_gets_not_found()
    {
        var organisation = await factory.NewOrganisation("NP");
        var (member, _) = await factory.NewMemberOf(organisation);
        var stranger = await factory.NewOrganisation("BI");
        var officer = await factory.Officer();

        foreach (var reader in new[] { organisation.Client, member, officer, await factory.Admin() })
        {
            var seen = await (await reader.GetAsync($"/api/organisations/{organisation.OrganisationId}")).ReadAs<OrganisationResponse>();
            Assert.Equal(organisation.Organisation.Name, seen.Name);
        }

        await (await stranger.Client.GetAsync($"/api/organisations/{organisation.OrganisationId}")).ShouldBe(HttpStatusCode.NotFound);
        await (await stranger.Client.GetAsync($"/api/organisations/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_filter_organisations_by_due_diligence_status()
    {
        var organisation = await factory.NewOrganisation("NP");
        var officer = await factory.Officer();
        await (await officer.PostJson($"/api/organisations/{organisation.OrganisationId}/due-diligence", new RecordDueDiligenceRequest(DueDiligenceStatus.Cleared, null)))
            .ShouldBe(HttpStatusCode.OK);

        var page = await (await officer.GetAsync("/api/organisations?dueDiligence=Cleared&pageSize=100")).ReadAs<PagedResponse<OrganisationResponse>>();

        Assert.Contains(page.Items, o => o.Id == organisation.OrganisationId);
        Assert.All(page.Items, o => Assert.Equal(DueDiligenceStatus.Cleared, o.DueDiligence));
    }

    [Fact]
    public async Task Page_size_above_one_hundred_is_refused()
    {
        var organisation = await factory.NewOrganisation("NP");

        await (await organisation.Client.GetAsync("/api/organisations?pageSize=101")).ShouldBeInvalid("pageSize");
        await (await organisation.Client.GetAsync("/api/organisations?page=0")).ShouldBeInvalid("page");
    }
}
