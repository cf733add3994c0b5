using System.Net;
using GrantHub.Api.Features.Users;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reviews;

namespace GrantHub.Tests.Users;

/// <summary><c>GET /api/me/queue</c>: what waits for the programme officers, oldest first, each with its page.</summary>
public class GetOfficerQueueTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task A_submitted_application_waits_for_reviewers_then_once_its_call_closes_for_a_decision()
    {
        var consortium = await factory.SubmittedConsortium();

        var before = await Queue();
        Assert.Contains(before.Items, i => i is { Kind: OfficerQueueKind.AssignReviewers } && i.ObjectId == consortium.Id && i.Link == $"/applications/{consortium.Id}/assessment");
        Assert.Equal(before.Items.OrderBy(i => i.Since).Select(i => i.Since), before.Items.Select(i => i.Since));

        await factory.Assign(consortium.Id, await factory.NewReviewer());
        await factory.CloseCall(consortium.Call.Id);

        var after = await Queue();
        Assert.DoesNotContain(after.Items, i => i.Kind == OfficerQueueKind.AssignReviewers && i.ObjectId == consortium.Id);
        Assert.Contains(after.Items, i => i is { Kind: OfficerQueueKind.Decide } && i.ObjectId == consortium.Id && i.Link == $"/applications/{consortium.Id}/decision");
    }

    [Fact]
    public async Task An_emergency_request_the_officer_entered_waits_in_her_queue_until_it_is_decided_and_only_in_hers()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var enteredByPhone = await (await factory.Officer()).Submit(factory.Body(member.OrganisationId, fund.Id, amount: 1_500m));
        var enteredByMember = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));

        var waiting = Assert.Single((await Queue()).Items, i => i.Kind == OfficerQueueKind.EmergencyEntered && i.ObjectId == enteredByPhone.Id);
        Assert.Equal($"/emergency/{enteredByPhone.Id}", waiting.Link);
        Assert.Equal("1,500.00 EUR", waiting.Title);
        Assert.DoesNotContain((await Queue()).Items, i => i.ObjectId == enteredByMember.Id);
        var anotherOfficer = await factory.NewStaffUser(GrantHub.Core.Identity.Roles.ProgrammeOfficer);
        Assert.DoesNotContain((await (await anotherOfficer.Client.GetAsync("/api/me/queue")).ReadAs<OfficerQueueResponse>()).Items, i => i.ObjectId == enteredByPhone.Id);

        await (await (await factory.Finance2()).Reject(enteredByPhone.Id, "Outside this fund's purpose.")).ShouldBe(HttpStatusCode.OK);

        Assert.DoesNotContain((await Queue()).Items, i => i.ObjectId == enteredByPhone.Id);
    }

    [Fact]
    public async Task Only_officers_and_admins_have_a_queue()
    {
        await (await (await factory.Reviewer()).GetAsync("/api/me/queue")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Lead()).GetAsync("/api/me/queue")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Admin()).GetAsync("/api/me/queue")).ShouldBe(HttpStatusCode.OK);
    }

    private async Task<OfficerQueueResponse> Queue() =>
        await (await (await factory.Officer()).GetAsync("/api/me/queue")).ReadAs<OfficerQueueResponse>();
}
