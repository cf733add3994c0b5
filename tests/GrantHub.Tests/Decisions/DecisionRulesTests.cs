using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Reviews;
using Microsoft.EntityFrameworkCore;
using static GrantHub.Tests.Reviews.ReviewTestData;

namespace GrantHub.Tests.Decisions;

public class DecisionRulesTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task An_award_needs_the_call_s_minimum_of_submitted_reviews_unless_the_officer_justifies_an_override()
    {
        var consortium = await factory.SubmittedConsortium();
        await factory.Review(consortium.Id, await factory.NewReviewer(), 4, 4);
        var drafting = await factory.NewReviewer();
        var draft = await factory.Assign(consortium.Id, drafting);
        await (await drafting.Client.Declare(draft.Id, hasConflict: false)).ShouldBe(HttpStatusCode.OK);
        await (await drafting.Client.Score(draft.Id, null, (RelevanceCriterion, 5), (ConsortiumCriterion, 5))).ShouldBe(HttpStatusCode.OK);
        await factory.CloseCall(consortium.Call.Id);
        var officer = await factory.Officer();
        var start = factory.Today().AddMonths(1);

        await (await officer.Decide(consortium.Id, Award(100_000m, start))).ShouldBreakRule("minimum-reviews-not-met");
        await (await officer.Decide(consortium.Id, Award(100_000m, start, overrideJustification: "  "))).ShouldBreakRule("minimum-reviews-not-met");
        Assert.Equal(0m, (await factory.GetFund(consortium.Call.FundId)).Committed);

        const string justification = "The second reviewer fell ill; the panel discussed the application in full.";
        var decision = await (await officer.Decide(consortium.Id, Award(100_000m, start, justification))).ReadAs<DecisionResponse>();

        Assert.Equal((ApplicationStatus.Awarded, 1), (decision.Status, decision.SubmittedReviews));
        var audit = await factory.WithDb(db => db.AuditEntries.SingleAsync(a => a.ObjectId == consortium.Id && a.Command == "DecideApplication"));
        Assert.Contains(justification, audit.Payload);
    }

    [Fact]
    public async Task Enough_submitted_reviews_need_no_justification()
    {
        var consortium = await factory.SubmittedConsortium();
        await factory.Review(consortium.Id, await factory.NewReviewer(), 4, 4);
        await factory.Review(consortium.Id, await factory.NewReviewer(), 3, 3);
        await factory.CloseCall(consortium.Call.Id);

        var decision = await (await (await factory.Officer()).Decide(consortium.Id, Award(50_000m, factory.Today()))).ReadAs<DecisionResponse>();

        Assert.Equal(ApplicationStatus.Awarded, decision.Status);
    }

    [Fact]
    public async Task Decisions_wait_for_the_call_to_close()
    {
        var consortium = await factory.SubmittedConsortium();
        var officer = await factory.Officer();

        await (await officer.Decide(consortium.Id, Award(100_000m, factory.Today(), "Urgent."))).ShouldBreakRule("call-not-closed");
        await (await officer.Decide(consortium.Id, Reject("Not this time."))).ShouldBreakRule("call-not-closed");

        Assert.Equal(ApplicationStatus.Submitted, (await consortium.Lead.Client.Get(consortium.Id)).Status);
        Assert.Equal(0m, (await factory.GetFund(consortium.Call.FundId)).Committed);
    }

    [Fact]
    public async Task An_application_is_decided_once()
    {
        var consortium = await factory.SubmittedConsortium();
        await factory.CloseCall(consortium.Call.Id);
        var officer = await factory.Officer();
        await (await officer.Decide(consortium.Id, Award(100_000m, factory.Today(), "Panel decision."))).ShouldBe(HttpStatusCode.OK);

        await (await officer.Decide(consortium.Id, Award(100_000m, factory.Today(), "Again."))).ShouldBreakRule("application-already-decided");
        await (await officer.Decide(consortium.Id, Reject("Changed our mind."))).ShouldBreakRule("application-already-decided");

        Assert.Equal(100_000m, (await factory.GetFund(consortium.Call.FundId)).Committed);
        Assert.Equal(1, await factory.WithDb(db => db.Grants.CountAsync(g => g.ApplicationId == consortium.Id)));
    }

    [Fact]
    public async Task Two_officers_deciding_one_application_at_once_decide_it_once()
    {
        var consortium = await factory.SubmittedConsortium();
        await factory.CloseCall(consortium.Call.Id);
        var officer = await factory.Officer();
        var secondOfficer = (await factory.NewStaffUser("ProgrammeOfficer")).Client;

        var responses = await Task.WhenAll(
            officer.Decide(consortium.Id, Award(100_000m, factory.Today(), "Panel decision.")),
            secondOfficer.Decide(consortium.Id, Award(100_000m, factory.Today(), "Panel decision.")),
            officer.Decide(consortium.Id, Reject("Not this time.")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await refused.ShouldBreakRule("application-already-decided");
        }

        var grants = await factory.WithDb(db => db.Grants.Where(g => g.ApplicationId == consortium.Id).SumAsync(g => g.Amount.MinorUnits));
        Assert.Equal(grants / 100m, (await factory.GetFund(consortium.Call.FundId)).Committed);
    }

    [Fact]
    public async Task Only_a_submitted_application_is_decided()
    {
        var call = await factory.OpenCall();
        var draft = await factory.ReadyConsortium(call);
        await factory.CloseCall(call.Id);

        await (await (await factory.Officer()).Decide(draft.Id, Reject("Never submitted."))).ShouldBreakRule("application-invalid-transition");
        await (await (await factory.Officer()).Decide(Guid.NewGuid(), Reject("Who?"))).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_rejection_gives_feedback_every_consortium_member_reads()
    {
        var consortium = await factory.SubmittedConsortium();
        await factory.Review(consortium.Id, await factory.NewReviewer(), 1, 1);
        await factory.CloseCall(consortium.Call.Id);
        const string feedback = "The safeguarding policy is missing; we encourage you to apply again next year.";

        var decision = await (await (await factory.Officer()).Decide(consortium.Id, Reject(feedback))).ReadAs<DecisionResponse>();

        Assert.Equal((ApplicationDecision.Reject, ApplicationStatus.Rejected, null, null, feedback), (decision.Decision, decision.Status, decision.GrantId, decision.AwardedAmount, decision.Feedback));
        foreach (var member in new[] { consortium.Lead.Client, consortium.Partner.Client })
        {
            var application = await member.Get(consortium.Id);
            Assert.Equal((ApplicationStatus.Rejected, feedback), (application.Status, application.DecisionFeedback));
            Assert.Contains(feedback, Assert.Single(await member.Notifications(), n => n.Kind == "application-decided").Body);
        }

        Assert.Equal(0m, (await factory.GetFund(consortium.Call.FundId)).Committed);
        Assert.False(await factory.WithDb(db => db.Grants.AnyAsync(g => g.ApplicationId == consortium.Id)));
    }

    [Fact]
    public async Task The_call_is_decided_when_its_last_submitted_application_is_decided()
    {
        var call = await factory.OpenCall();
        var first = await factory.SubmittedConsortium(call);
        var second = await factory.SubmittedConsortium(call);
        await factory.ReadyConsortium(call);
        var withdrawn = await factory.SubmittedConsortium(call);
        await (await withdrawn.Lead.Client.PostJson($"/api/applications/{withdrawn.Id}/withdraw")).ShouldBe(HttpStatusCode.OK);
        await factory.CloseCall(call.Id);
        var officer = await factory.Officer();

        var rejected = await (await officer.Decide(first.Id, Reject("Outside the call's priorities."))).ReadAs<DecisionResponse>();
        Assert.Equal(CallStatus.Closed, rejected.CallStatus);

        var awarded = await (await officer.Decide(second.Id, Award(80_000m, factory.Today(), "Panel decision."))).ReadAs<DecisionResponse>();
        Assert.Equal(CallStatus.Decided, awarded.CallStatus);
        var stored = await (await officer.GetAsync($"/api/calls/{call.Id}")).ReadJson();
        Assert.Equal("Decided", stored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_decisions_are_refused_field_by_field()
    {
        var consortium = await factory.SubmittedConsortium();
        await factory.CloseCall(consortium.Call.Id);
        var officer = await factory.Officer();
        var url = $"/api/applications/{consortium.Id}/decision";
        var start = factory.Today().AddMonths(1);
        const string why = "Panel decision.";

        await (await officer.PostJson(url, new { awardedAmount = 1m })).ShouldBeInvalid("decision");
        await (await officer.PostJson(url, new { decision = "Maybe" })).ShouldBeInvalid("decision");
        await (await officer.PostJson(url, new { decision = "Award", startDate = start, overrideJustification = why })).ShouldBeInvalid("awardedAmount");
        await (await officer.Decide(consortium.Id, Award(0m, start, why))).ShouldBeInvalid("awardedAmount");
        await (await officer.Decide(consortium.Id, Award(1_000.001m, start, why))).ShouldBeInvalid("awardedAmount");
        await (await officer.Decide(consortium.Id, Award(100_000.01m, start, why))).ShouldBeInvalid("awardedAmount");
        await (await officer.PostJson(url, new { decision = "Award", awardedAmount = 1_000m, overrideJustification = why })).ShouldBeInvalid("startDate");
        await (await officer.PostJson(url, new { decision = "Award", awardedAmount = 1_000m, startDate = "next spring" })).ShouldBeInvalid("startDate");
        await (await officer.Decide(consortium.Id, Award(1_000m, start, why, [new(start, 600m), new(start.AddMonths(1), 300m)])))
            .ShouldBeInvalid("tranches");
        await (await officer.Decide(consortium.Id, Award(1_000m, start, why, [new(start, 600m), new(start.AddMonths(24), 400m)])))
            .ShouldBeInvalid("tranches[1].plannedDate");
        await (await officer.Decide(consortium.Id, Award(1_000m, start, why, [new(start, 999.995m), new(start.AddMonths(1), 0.005m)])))
            .ShouldBeInvalid("tranches[0].amount");
        await (await officer.Decide(consortium.Id, Award(1_000m, start, why, [new(start, 1_000m), new(start.AddMonths(1), 0m)])))
            .ShouldBeInvalid("tranches[1].amount");
        await (await officer.Decide(consortium.Id, Award(1_000m, start, new string('x', DecideApplicationValidator.MaxJustificationLength + 1))))
            .ShouldBeInvalid("overrideJustification");
        await (await officer.Decide(consortium.Id, Reject(" "))).ShouldBeInvalid("feedback");
        await (await officer.Decide(consortium.Id, new DecideApplicationRequest(ApplicationDecision.Reject, 1_000m, start, null, "No.", why)))
            .ShouldBeInvalid("awardedAmount");
        await (await officer.PostJson(url, new { decision = "Reject", feedback = "No.", grade = "F" })).ShouldBeInvalid("grade");

        Assert.Equal(ApplicationStatus.Submitted, (await consortium.Lead.Client.Get(consortium.Id)).Status);
    }

    [Fact]
    public async Task Only_programme_officers_decide()
    {
        var consortium = await factory.SubmittedConsortium();
        await factory.CloseCall(consortium.Call.Id);
        var reviewer = await factory.NewReviewer();
        await factory.Assign(consortium.Id, reviewer);
        var stranger = await factory.NewApplicant();

        foreach (var client in new[] { await factory.Admin(), await factory.Finance(), reviewer.Client, consortium.Lead.Client, stranger })
        {
            await (await client.Decide(consortium.Id, Award(100_000m, factory.Today(), "Self-service."))).ShouldBe(HttpStatusCode.Forbidden);
        }

        await (await stranger.GetAsync($"/api/applications/{consortium.Id}")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(ApplicationStatus.UnderReview, (await consortium.Lead.Client.Get(consortium.Id)).Status);
    }
}
