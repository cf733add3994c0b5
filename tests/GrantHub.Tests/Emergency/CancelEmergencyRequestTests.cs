using System.Net;
using GrantHub.Api.Features.Emergency;
using GrantHub.Core.Emergency;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Emergency;

public class CancelEmergencyRequestTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Any_member_of_the_organisation_cancels_an_undecided_request()
    {
        var member = await factory.NewOrganisationMember();
        var (colleague, colleagueId) = await factory.NewApplicantWithId();
        await factory.AddMember(member.OrganisationId, colleagueId);
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));

        var cancelled = await (await colleague.Cancel(request.Id)).ReadAs<EmergencyRequestResponse>();

        Assert.Equal(EmergencyRequestStatus.Cancelled, cancelled.Status);
        await (await (await factory.Finance()).Approve(request.Id)).ShouldBreakRule("emergency-not-pending");
    }

    [Fact]
    public async Task Request_with_one_of_two_approvals_is_still_undecided_and_can_be_cancelled()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund(approvalThreshold: 100m);
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 500m));
        await (await (await factory.Finance()).Approve(request.Id)).ShouldBe(HttpStatusCode.OK);

        await (await member.Client.Cancel(request.Id)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(0m, (await factory.GetFund(fund.Id)).Committed);
    }

    [Fact]
    public async Task Officer_who_entered_the_request_cancels_it_but_another_officer_may_not()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var officer = await factory.Officer();
        var enteredByPhone = await officer.Submit(factory.Body(member.OrganisationId, fund.Id));
        var enteredByMember = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));

        await (await officer.Cancel(enteredByMember.Id)).ShouldBe(HttpStatusCode.Forbidden);
        await (await officer.Cancel(enteredByPhone.Id)).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("finance@granthub.local")]
    [InlineData("admin@granthub.local")]
    public async Task Staff_outside_the_requesting_side_cannot_cancel(string email)
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));

        await (await (await factory.ClientFor(email)).Cancel(request.Id)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reviewer_cannot_even_find_a_request_to_cancel()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));

        await (await (await factory.Reviewer()).Cancel(request.Id)).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(EmergencyRequestStatus.Submitted, (await (await member.Client.GetAsync($"{EmergencyTestData.Url}/{request.Id}")).ReadAs<EmergencyRequestResponse>()).Status);
    }

    [Fact]
    public async Task Decided_request_cannot_be_cancelled()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        await (await (await factory.Finance()).Approve(request.Id)).ShouldBe(HttpStatusCode.OK);

        await (await member.Client.Cancel(request.Id)).ShouldBreakRule("emergency-not-pending");
        await (await member.Client.Cancel(Guid.NewGuid())).ShouldBe(HttpStatusCode.NotFound);
    }
}
