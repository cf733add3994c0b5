using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Core.Applications;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Applications;

public class WithdrawApplicationTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task The_lead_withdraws_a_draft()
    {
        var consortium = await factory.ReadyConsortium();

        var withdrawn = await (await consortium.Lead.Client.PostJson($"/api/applications/{consortium.Id}/withdraw")).ReadAs<ApplicationResponse>();

        Assert.Equal((ApplicationStatus.Withdrawn, factory.StoredNow), (withdrawn.Status, withdrawn.WithdrawnAt));
        Assert.Null(withdrawn.SubmittedAt);
    }

    [Fact]
    public async Task The_lead_withdraws_a_submitted_application_which_then_stays_frozen()
    {
        var consortium = await factory.ReadyConsortium();
        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBe(HttpStatusCode.OK);

        var withdrawn = await (await consortium.Lead.Client.PostJson($"/api/applications/{consortium.Id}/withdraw")).ReadAs<ApplicationResponse>();

        Assert.Equal(ApplicationStatus.Withdrawn, withdrawn.Status);
        Assert.NotNull(withdrawn.SubmittedAt);
        await (await consortium.Lead.Client.PostJson($"/api/applications/{consortium.Id}/withdraw")).ShouldBreakRule("application-invalid-transition");
        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBreakRule("application-invalid-transition");
        await (await consortium.Lead.Client.PutBudget(consortium.Id)).ShouldBreakRule("application-not-editable");
    }

    [Fact]
    public async Task Only_the_lead_withdraws()
    {
        var consortium = await factory.ReadyConsortium();

        await (await consortium.Partner.Client.PostJson($"/api/applications/{consortium.Id}/withdraw")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Officer()).PostJson($"/api/applications/{consortium.Id}/withdraw")).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(ApplicationStatus.Draft, (await consortium.Lead.Client.Get(consortium.Id)).Status);
    }

    [Fact]
    public async Task Nothing_is_withdrawn_from_a_call_an_officer_closed()
    {
        var consortium = await factory.ReadyConsortium();
        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBe(HttpStatusCode.OK);
        await (await (await factory.Officer()).PostJson($"/api/calls/{consortium.Call.Id}/close")).ShouldBe(HttpStatusCode.OK);

        await (await consortium.Lead.Client.PostJson($"/api/applications/{consortium.Id}/withdraw")).ShouldBreakRule("call-closed");
    }
}
