using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Core.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;

namespace GrantHub.Tests.Applications;

public class ApplicationAccessTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    public static TheoryData<string> Routes =>
    [
        "get", "update", "budget", "invite-partner", "remove-partner", "confirm-partner", "decline-partner",
        "confirm-own-organisation", "decline-own-organisation", "submit", "withdraw",
    ];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Another_organisation_s_user_gets_not_found_and_changes_nothing(string route)
    {
        var consortium = await factory.ReadyConsortium();
        var stranger = await factory.NewOrganisation("CO");
        var before = await consortium.Lead.Client.Get(consortium.Id);

        var response = await Send(stranger, consortium, route);

        var problem = await response.ReadJson(HttpStatusCode.NotFound);
        Assert.DoesNotContain(consortium.Application.Title, problem.ToString());
        ApplicationTestData.AssertSameApplication(before, await consortium.Lead.Client.Get(consortium.Id));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_user_without_any_organisation_gets_not_found(string route)
    {
        var consortium = await factory.ReadyConsortium();
        var nobody = new Applicant(await factory.NewApplicant(), "", consortium.Partner.Organisation with { Id = Guid.NewGuid() });

        await (await Send(nobody, consortium, route)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_organisation_cannot_start_an_application_in_the_lead_s_name()
    {
        var consortium = await factory.ReadyConsortium();
        var stranger = await factory.NewOrganisation("CO");
        var otherCall = await factory.OpenCall();

        var response = await stranger.Client.PostJson("/api/applications", ApplicationTestData.ApplicationInput(otherCall.Id, consortium.Lead.OrganisationId));

        await response.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_organisation_s_user_does_not_see_the_application_listed()
    {
        var consortium = await factory.ReadyConsortium();
        var stranger = await factory.NewOrganisation("CO");

        var page = await (await stranger.Client.GetAsync($"/api/applications?callId={consortium.Call.Id}")).ReadAs<PagedResponse<ApplicationResponse>>();

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task Every_member_of_lead_and_partner_reads_the_application()
    {
        var consortium = await factory.ReadyConsortium();
        var (leadColleague, _) = await factory.NewMemberOf(consortium.Lead);
        var (partnerColleague, _) = await factory.NewMemberOf(consortium.Partner);

        foreach (var reader in new[] { consortium.Lead.Client, consortium.Partner.Client, leadColleague, partnerColleague })
        {
            Assert.Equal(consortium.Id, (await reader.Get(consortium.Id)).Id);
        }
    }

    [Fact]
    public async Task An_invited_partner_reads_the_application_before_answering()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var partner = await factory.NewOrganisation("BI");
        var draft = await lead.Draft(call);
        await lead.Invite(draft.Id, partner);

        var seen = await partner.Client.Get(draft.Id);

        Assert.Equal(ConsortiumMemberStatus.Invited, seen.Members.Single(m => m.OrganisationId == partner.OrganisationId).Status);
    }

    [Fact]
    public async Task Overseeing_staff_read_every_application_but_cannot_change_it()
    {
        var consortium = await factory.ReadyConsortium();

        foreach (var staff in new[] { await factory.Admin(), await factory.Officer(), await factory.Finance() })
        {
            Assert.Equal(consortium.Id, (await staff.Get(consortium.Id)).Id);
            var listed = await (await staff.GetAsync($"/api/applications?callId={consortium.Call.Id}")).ReadAs<PagedResponse<ApplicationResponse>>();
            Assert.Contains(listed.Items, a => a.Id == consortium.Id);
            await (await staff.PutJson($"/api/applications/{consortium.Id}", ApplicationTestData.UpdateInput(consortium.Application))).ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task A_reviewer_sees_no_application_that_is_not_assigned_to_them()
    {
        var consortium = await factory.ReadyConsortium();
        var reviewer = await factory.Reviewer();

        await (await reviewer.GetAsync($"/api/applications/{consortium.Id}")).ShouldBe(HttpStatusCode.NotFound);
        var listed = await (await reviewer.GetAsync($"/api/applications?callId={consortium.Call.Id}")).ReadAs<PagedResponse<ApplicationResponse>>();
        Assert.Empty(listed.Items);
    }

    [Fact]
    public async Task Anonymous_visitors_are_unauthorized()
    {
        var consortium = await factory.ReadyConsortium();
        var anonymous = factory.CreateClient();

        await (await anonymous.GetAsync($"/api/applications/{consortium.Id}")).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/applications")).ShouldBe(HttpStatusCode.Unauthorized);
        await (await anonymous.Submit(consortium.Id)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_application_is_not_found()
    {
        var lead = await factory.NewOrganisation("NP");

        await (await lead.Client.GetAsync($"/api/applications/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound);
        await (await lead.Client.Submit(Guid.NewGuid())).ShouldBe(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> Send(Applicant user, Consortium consortium, string route)
    {
        var client = user.Client;
        var application = $"/api/applications/{consortium.Id}";
        var partner = $"{application}/partners/{consortium.Partner.OrganisationId}";
        var ownOrganisation = $"{application}/partners/{user.OrganisationId}";
        return route switch
        {
            "get" => client.GetAsync(application),
            "update" => client.PutJson(application, ApplicationTestData.UpdateInput(consortium.Application, "Hijacked")),
            "budget" => client.PutBudget(consortium.Id, new BudgetLineInput(consortium.Lead.OrganisationId, 1, 60_000m)),
            "invite-partner" => client.PostJson($"{application}/partners", new InvitePartnerRequest(user.OrganisationId)),
            "remove-partner" => client.DeleteAsync(partner),
            "confirm-partner" => client.PostJson($"{partner}/confirm"),
            "decline-partner" => client.PostJson($"{partner}/decline"),
            "confirm-own-organisation" => client.PostJson($"{ownOrganisation}/confirm"),
            "decline-own-organisation" => client.PostJson($"{ownOrganisation}/decline"),
            "submit" => client.Submit(consortium.Id),
            "withdraw" => client.PostJson($"{application}/withdraw"),
            _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
        };
    }
}
