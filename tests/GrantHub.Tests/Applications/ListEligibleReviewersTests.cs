using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reviews;

namespace GrantHub.Tests.Applications;

/// <summary><c>GET /api/applications/{id}/eligible-reviewers</c>: whom an officer may still assign.</summary>
public class ListEligibleReviewersTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Neither_members_of_the_consortium_s_organisations_nor_reviewers_already_assigned_are_offered()
    {
        var consortium = await factory.SubmittedConsortium();
        var memberOfPartner = await factory.NewReviewer();
        await factory.AddMember(consortium.Partner.OrganisationId, memberOfPartner.Id);
        var assigned = await factory.NewReviewer();
        await factory.Assign(consortium.Id, assigned);
        var free = await factory.NewReviewer();

        var offered = await (await (await factory.Officer()).GetAsync($"/api/applications/{consortium.Id}/eligible-reviewers"))
            .ReadAs<EligibleReviewersResponse>();

        var ids = offered.Items.Select(r => r.Id).ToList();
        Assert.Contains(free.Id, ids);
        Assert.DoesNotContain(memberOfPartner.Id, ids);
        Assert.DoesNotContain(assigned.Id, ids);
        Assert.Contains(await factory.UserId("reviewer2@granthub.local"), ids);
        Assert.DoesNotContain(await factory.UserId("officer@granthub.local"), ids);
    }

    [Fact]
    public async Task Only_programme_officers_ask_and_an_unknown_application_is_not_found()
    {
        var consortium = await factory.SubmittedConsortium();

        await (await consortium.Lead.Client.GetAsync($"/api/applications/{consortium.Id}/eligible-reviewers")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Reviewer()).GetAsync($"/api/applications/{consortium.Id}/eligible-reviewers")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Officer()).GetAsync($"/api/applications/{Guid.NewGuid()}/eligible-reviewers")).ShouldBe(HttpStatusCode.NotFound);
    }
}
