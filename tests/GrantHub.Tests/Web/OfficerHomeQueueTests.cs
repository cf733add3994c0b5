using GrantHub.Api.Features.Users;
using GrantHub.Api.Web.Pages;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reviews;

namespace GrantHub.Tests.Web;

/// <summary>The officer's home lists the oldest few of each kind of waiting work, and all of it on request (its own database: the counts are exact).</summary>
public class OfficerHomeQueueTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const string AssignReviewers = "Assign reviewers to";

    [Fact]
    public async Task The_home_lists_the_oldest_few_of_a_kind_says_more_wait_and_lists_them_all_on_request()
    {
        var call = (await factory.SubmittedConsortium()).Call;
        for (var more = 0; more < HomeModel.QueuePreview; more++)
        {
            await factory.SubmittedConsortium(call);
        }

        var queue = await (await (await factory.Officer()).GetAsync("/api/me/queue")).ReadAs<OfficerQueueResponse>();
        var waiting = queue.Items.Count(i => i.Kind == OfficerQueueKind.AssignReviewers);
        var officer = await WebSession.SignedIn(factory, GrantScenarios.OfficerEmail);

        var home = await officer.Read("/home");
        var everything = await officer.Read("/home?queue=all");

        Assert.True(waiting > HomeModel.QueuePreview, $"{waiting} applications wait for reviewers");
        Assert.DoesNotContain(OfficerQueueKind.AssignReviewers, queue.MoreWaiting);
        Assert.Equal(HomeModel.QueuePreview, Occurrences(home, AssignReviewers));
        Assert.Contains("id=\"queue-more\"", home);
        Assert.Contains("href=\"/home?queue=all#queue\"", home);
        Assert.Equal(waiting, Occurrences(everything, AssignReviewers));
        Assert.DoesNotContain("id=\"queue-more\"", everything);
    }

    private static int Occurrences(string page, string text) =>
        (page.Length - page.Replace(text, "", StringComparison.Ordinal).Length) / text.Length;
}
