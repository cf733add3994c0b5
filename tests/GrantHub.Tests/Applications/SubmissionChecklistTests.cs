using GrantHub.Api.Features.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;

namespace GrantHub.Tests.Applications;

public class SubmissionChecklistTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task A_new_draft_lists_every_unmet_rule_before_submission_and_none_once_ready()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var draft = await lead.Draft(call);

        var checklist = await (await lead.Client.GetAsync($"/api/applications/{draft.Id}/checklist")).ReadAs<SubmissionChecklistResponse>();

        Assert.False(checklist.CanSubmit);
        Assert.Equal(["consortium-required", "budget-missing"], checklist.Unmet.Select(r => r.Rule));
    }

    [Fact]
    public async Task A_ready_consortium_has_nothing_left_to_meet()
    {
        var consortium = await factory.ReadyConsortium();

        var checklist = await (await consortium.Lead.Client.GetAsync($"/api/applications/{consortium.Id}/checklist")).ReadAs<SubmissionChecklistResponse>();

        Assert.True(checklist.CanSubmit);
        Assert.Empty(checklist.Unmet);
    }
}
