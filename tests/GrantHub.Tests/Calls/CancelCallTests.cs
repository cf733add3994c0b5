using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Calls;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;

namespace GrantHub.Tests.Calls;

public class CancelCallTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Cancelling_a_call_closes_its_submitted_applications_as_not_funded_and_tells_each_consortium()
    {
        var call = await factory.OpenCall();
        var submitted = await factory.ReadyConsortium(call);
        await (await submitted.Lead.Client.Submit(submitted.Id)).ShouldBe(HttpStatusCode.OK);
        var draftLead = await factory.NewOrganisation();
        var draft = await draftLead.Draft(call);
        var officer = await factory.Officer();

        var cancelled = await (await officer.PostJson($"/api/calls/{call.Id}/cancel")).ReadAs<CallResponse>();

        Assert.Equal(CallStatus.Cancelled, cancelled.Status);
        var closed = await submitted.Partner.Client.Get(submitted.Id);
        Assert.Equal(ApplicationStatus.Rejected, closed.Status);
        Assert.Equal(CancelCallHandler.Feedback, closed.DecisionFeedback);
        Assert.Contains(await submitted.Partner.Client.Notifications(), n => n.Kind == "application-decided");
        Assert.Equal(ApplicationStatus.Draft, (await draftLead.Client.Get(draft.Id)).Status);
        await (await draftLead.Client.Submit(draft.Id)).ShouldBreakRule("call-not-open");
    }
}
