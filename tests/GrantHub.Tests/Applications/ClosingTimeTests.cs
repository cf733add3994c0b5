using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Calls;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Tests.Organisations;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Applications;

/// <summary>
/// Calls that close minutes from now, and the fake clock moved past their closing time. The whole class moves
/// the clock by well under an hour, the lifetime of the sign-in tokens the factory caches.
/// </summary>
public class ClosingTimeTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task A_submission_one_second_before_closing_time_is_on_time()
    {
        var call = await CallClosingIn(TimeSpan.FromMinutes(5));
        var consortium = await factory.ReadyConsortium(call);
        factory.Clock.SetUtcNow(call.ClosesAt.AddSeconds(-1));

        var submitted = await (await consortium.Lead.Client.Submit(consortium.Id)).ReadAs<ApplicationResponse>();

        Assert.Equal(call.ClosesAt.AddSeconds(-1), submitted.SubmittedAt);
    }

    [Fact]
    public async Task At_closing_time_the_call_takes_no_more_submissions_even_before_the_sweep_closes_it()
    {
        var call = await CallClosingIn(TimeSpan.FromMinutes(5));
        var consortium = await factory.ReadyConsortium(call);
        factory.Clock.SetUtcNow(call.ClosesAt);

        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBreakRule("call-closed");
        var stillOpen = await (await (await factory.Officer()).GetAsync($"/api/calls/{call.Id}")).ReadAs<CallResponse>();
        Assert.Equal(CallStatus.Open, stillOpen.Status);
    }

    [Fact]
    public async Task After_closing_time_nothing_is_withdrawn_and_no_draft_is_started()
    {
        var call = await CallClosingIn(TimeSpan.FromMinutes(5));
        var consortium = await factory.ReadyConsortium(call);
        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBe(HttpStatusCode.OK);
        var latecomer = await factory.NewOrganisation("NP");
        factory.Clock.SetUtcNow(call.ClosesAt.AddMinutes(1));

        await (await consortium.Lead.Client.PostJson($"/api/applications/{consortium.Id}/withdraw")).ShouldBreakRule("call-closed");
        await (await latecomer.Client.PostJson("/api/applications", ApplicationTestData.ApplicationInput(call.Id, latecomer.OrganisationId)))
            .ShouldBreakRule("call-closed");
        Assert.Equal(ApplicationStatus.Submitted, (await consortium.Lead.Client.Get(consortium.Id)).Status);
    }

    private Task<CallResponse> CallClosingIn(TimeSpan time)
    {
        var now = factory.Clock.GetUtcNow();
        return factory.OpenCall(input => input with { OpensAt = now.AddDays(-1), ClosesAt = now.Add(time) });
    }
}
