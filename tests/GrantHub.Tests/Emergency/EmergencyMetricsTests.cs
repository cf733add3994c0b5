using System.Net;
using GrantHub.Api.Features.Emergency;
using GrantHub.Tests.Infrastructure;

namespace GrantHub.Tests.Emergency;

public class EmergencyMetricsTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Metrics_report_counts_median_time_to_decision_share_within_the_promise_and_open_breaches()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var finance = await factory.Finance();
        var body = factory.Body(member.OrganisationId, fund.Id, amount: 1_000m);
        var approvedFast = await member.Client.Submit(body);
        var rejected = await member.Client.Submit(body);
        var approvedLate = await member.Client.Submit(body);
        var stillOpen = await member.Client.Submit(body);
        var cancelled = await member.Client.Submit(body);

        factory.Clock.Advance(TimeSpan.FromHours(10));
        await (await finance.Approve(approvedFast.Id)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Pay(approvedFast.Id, factory.Today())).ShouldBe(HttpStatusCode.OK);
        await (await member.Client.Cancel(cancelled.Id)).ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromHours(20));
        await (await finance.Reject(rejected.Id, "Not an emergency.")).ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromHours(50));
        await (await finance.Approve(approvedLate.Id)).ShouldBe(HttpStatusCode.OK);
        var later = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 1_000m));
        var laterDay = DateOnly.FromDateTime(later.SubmittedAt.UtcDateTime);

        var all = await Metrics($"fundId={fund.Id}");
        Assert.Equal(6, all.Total);
        Assert.Equal(new EmergencyStatusCounts(Submitted: 2, Approved: 1, Paid: 1, Rejected: 1, Cancelled: 1, Released: 0), all.CountsByStatus);
        Assert.Equal(3, all.Decided);
        Assert.Equal(2, all.DecidedWithinPromise);
        Assert.Equal(0.6667, all.DecidedWithinPromiseShare);
        Assert.Equal(30.0, all.MedianHoursToDecision);
        Assert.Equal(1, all.OpenBreaches);

        var firstDays = await Metrics($"fundId={fund.Id}&to={laterDay.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal(5, firstDays.Total);
        Assert.Equal(1, firstDays.CountsByStatus.Submitted);
        Assert.Equal(30.0, firstDays.MedianHoursToDecision);
        Assert.Equal(1, firstDays.OpenBreaches);

        var lastDay = await Metrics($"fundId={fund.Id}&from={laterDay:yyyy-MM-dd}&to={laterDay:yyyy-MM-dd}");
        Assert.Equal(1, lastDay.Total);
        Assert.Equal(0, lastDay.Decided);
        Assert.Null(lastDay.MedianHoursToDecision);
        Assert.Null(lastDay.DecidedWithinPromiseShare);
        Assert.Equal(0, lastDay.OpenBreaches);
        Assert.Equal(1, lastDay.CountsByStatus.Submitted);
    }

    [Fact]
    public async Task Median_of_an_even_number_of_decisions_is_the_mean_of_the_middle_two()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var finance = await factory.Finance();
        var first = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 10m));
        var second = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 10m));

        factory.Clock.Advance(TimeSpan.FromHours(1));
        await (await finance.Approve(first.Id)).ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromHours(2));
        await (await finance.Approve(second.Id)).ShouldBe(HttpStatusCode.OK);

        var metrics = await Metrics($"fundId={fund.Id}");
        Assert.Equal(2.0, metrics.MedianHoursToDecision);
        Assert.Equal(1.0, metrics.DecidedWithinPromiseShare);
    }

    [Fact]
    public async Task Released_requests_are_counted_apart_and_still_count_as_decided()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var finance = await factory.Finance();
        var kept = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 10m));
        var released = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 10m));
        factory.Clock.Advance(TimeSpan.FromHours(4));
        await (await finance.Approve(kept.Id)).ShouldBe(HttpStatusCode.OK);
        await (await finance.Approve(released.Id)).ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromDays(5));
        await (await finance.Release(released.Id, "The account was closed.")).ShouldBe(HttpStatusCode.OK);

        var metrics = await Metrics($"fundId={fund.Id}");

        Assert.Equal(new EmergencyStatusCounts(Submitted: 0, Approved: 1, Paid: 0, Rejected: 0, Cancelled: 0, Released: 1), metrics.CountsByStatus);
        Assert.Equal(2, metrics.Total);
        Assert.Equal(2, metrics.Decided);
        Assert.Equal(2, metrics.DecidedWithinPromise);
        Assert.Equal(4.0, metrics.MedianHoursToDecision);
        Assert.Equal(0, metrics.OpenBreaches);
    }

    [Theory]
    [InlineData("finance@granthub.local")]
    [InlineData("officer@granthub.local")]
    [InlineData("admin@granthub.local")]
    public async Task Finance_programme_officers_and_admins_read_the_metrics(string email)
    {
        await (await (await factory.ClientFor(email)).GetAsync($"{EmergencyTestData.Url}/metrics")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reviewers_and_applicants_cannot_read_the_metrics()
    {
        await (await (await factory.Reviewer()).GetAsync($"{EmergencyTestData.Url}/metrics")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await factory.Lead()).GetAsync($"{EmergencyTestData.Url}/metrics")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Period_ending_before_it_starts_is_refused()
    {
        var finance = await factory.Finance();

        await (await finance.GetAsync($"{EmergencyTestData.Url}/metrics?from=2026-03-10&to=2026-03-01")).ShouldBeInvalid("to");
    }

    private async Task<EmergencyMetricsResponse> Metrics(string query) =>
        await (await (await factory.Finance()).GetAsync($"{EmergencyTestData.Url}/metrics?{query}")).ReadAs<EmergencyMetricsResponse>();
}
