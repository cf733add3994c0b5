using System.Net;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Core.Calls;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Calls;

public class CallLifecycleTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Draft_call_is_editable_until_published()
    {
        var call = await factory.CreateCall();
        var officer = await factory.Officer();
        var input = TestData.CallInput(call.FundId, factory.Clock.GetUtcNow()) with { Title = "Renamed call" };

        var edited = await (await officer.PutJson($"/api/calls/{call.Id}", input)).ReadAs<CallResponse>();
        Assert.Equal("Renamed call", edited.Title);

        var published = await (await officer.PostJson($"/api/calls/{call.Id}/publish")).ReadAs<CallResponse>();
        Assert.Equal(CallStatus.Open, published.Status);
        Assert.Equal(factory.StoredNow, published.PublishedAt);

        await (await officer.PutJson($"/api/calls/{call.Id}", input with { Title = "Too late" })).ShouldBreakRule("call-not-editable");
    }

    [Fact]
    public async Task Open_call_closes_and_then_cannot_be_cancelled()
    {
        var call = await factory.CreateOpenCall();
        var officer = await factory.Officer();

        var closed = await (await officer.PostJson($"/api/calls/{call.Id}/close")).ReadAs<CallResponse>();

        Assert.Equal(CallStatus.Closed, closed.Status);
        await (await officer.PostJson($"/api/calls/{call.Id}/cancel")).ShouldBreakRule("call-not-cancellable");
        await (await officer.PostJson($"/api/calls/{call.Id}/publish")).ShouldBreakRule("call-invalid-transition");
    }

    [Fact]
    public async Task Draft_and_open_calls_can_be_cancelled()
    {
        var draft = await factory.CreateCall();
        var open = await factory.CreateOpenCall();
        var officer = await factory.Officer();

        Assert.Equal(CallStatus.Cancelled, (await (await officer.PostJson($"/api/calls/{draft.Id}/cancel")).ReadAs<CallResponse>()).Status);
        Assert.Equal(CallStatus.Cancelled, (await (await officer.PostJson($"/api/calls/{open.Id}/cancel")).ReadAs<CallResponse>()).Status);
    }

    [Fact]
    public async Task Call_whose_closing_time_has_passed_cannot_be_published()
    {
        var now = factory.Clock.GetUtcNow();
        var input = TestData.CallInput((await factory.CreateFund()).Id, now) with { ClosesAt = now.AddHours(1) };
        var call = await factory.CreateCall(input);
        var officer = await factory.Officer();
        factory.Clock.Advance(TimeSpan.FromHours(2));

        await (await officer.PostJson($"/api/calls/{call.Id}/publish")).ShouldBreakRule("call-closes-in-the-past");
    }

    [Fact]
    public async Task Unknown_call_is_not_found_for_every_lifecycle_route()
    {
        var officer = await factory.Officer();
        var id = Guid.NewGuid();

        foreach (var action in new[] { "publish", "close", "cancel" })
        {
            await (await officer.PostJson($"/api/calls/{id}/{action}")).ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Applicants_and_visitors_see_only_open_calls_while_staff_see_all()
    {
        var draft = await factory.CreateCall();
        var open = await factory.CreateOpenCall();
        var lead = await factory.Lead();
        var anonymous = factory.CreateClient();
        var officer = await factory.Officer();

        foreach (var client in new[] { lead, anonymous })
        {
            var page = await (await client.GetAsync("/api/calls?pageSize=100")).ReadAs<PagedResponse<CallResponse>>();
            Assert.All(page.Items, c => Assert.Equal(CallStatus.Open, c.Status));
            Assert.Contains(page.Items, c => c.Id == open.Id);
            Assert.DoesNotContain(page.Items, c => c.Id == draft.Id);
            await (await client.GetAsync($"/api/calls/{draft.Id}")).ShouldBe(HttpStatusCode.NotFound);
            Assert.Equal(open.Id, (await (await client.GetAsync($"/api/calls/{open.Id}")).ReadAs<CallResponse>()).Id);
        }

        var drafts = await (await officer.GetAsync("/api/calls?status=Draft&pageSize=100")).ReadAs<PagedResponse<CallResponse>>();
        Assert.Contains(drafts.Items, c => c.Id == draft.Id);
        Assert.Equal(draft.Id, (await (await officer.GetAsync($"/api/calls/{draft.Id}")).ReadAs<CallResponse>()).Id);
    }
}
