using System.Net;
using System.Text.Json;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Calls;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Applications;

/// <summary>
/// Submissions racing the close of their call. Whatever the interleaving, no application may be submitted
/// after its call closed: every submitted application was submitted before the closing time, and its
/// submission was committed before the close was.
/// </summary>
public class SubmissionRaceTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private const int Submitters = 8;

    [Fact]
    public async Task Concurrent_submissions_and_the_closing_sweep_never_leave_an_application_submitted_after_closing_time()
    {
        var call = await SoloCallClosingIn(TimeSpan.FromMinutes(10));
        var drafts = await ReadyDrafts(call);
        factory.Clock.SetUtcNow(call.ClosesAt.AddSeconds(-1));

        var firstWave = drafts.Take(Submitters / 2).Select(d => d.Lead.Client.Submit(d.Id)).ToList();
        await Task.WhenAny(firstWave);
        var sweep = Task.Run(async () =>
        {
            factory.Clock.SetUtcNow(call.ClosesAt);
            await factory.WithScope(async services => await services.GetRequiredService<IMediator>().Send(new CloseExpiredCallsCommand()));
        });
        var secondWave = drafts.Skip(Submitters / 2).Select(d => d.Lead.Client.Submit(d.Id)).ToList();
        await sweep;
        var responses = await Task.WhenAll(firstWave.Concat(secondWave));

        var closed = await factory.WithDb(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id));
        Assert.Equal((CallStatus.Closed, call.ClosesAt), (closed.Status, closed.ClosedAt));
        var submitted = await SubmittedApplications(call.Id);
        Assert.NotEmpty(submitted);
        Assert.All(submitted, a => Assert.True(a.SubmittedAt < call.ClosesAt, $"Submitted at {a.SubmittedAt:O}, call closed at {call.ClosesAt:O}"));
        await AssertEveryAnswerIsSubmittedOrCallClosed(responses, submitted.Count);
        await AssertNoSubmissionCommittedAfter("CloseExpiredCalls", objectId: null, submitted);
    }

    [Fact]
    public async Task Concurrent_submissions_and_an_officer_closing_early_never_leave_a_submission_committed_after_the_close()
    {
        var call = await SoloCallClosingIn(TimeSpan.FromDays(10));
        var drafts = await ReadyDrafts(call);
        var officer = await factory.Officer();

        var firstWave = drafts.Take(Submitters / 2).Select(d => d.Lead.Client.Submit(d.Id)).ToList();
        await Task.WhenAny(firstWave);
        var close = officer.PostJson($"/api/calls/{call.Id}/close");
        var secondWave = drafts.Skip(Submitters / 2).Select(d => d.Lead.Client.Submit(d.Id)).ToList();
        await (await close).ShouldBe(HttpStatusCode.OK);
        var lateSubmission = await drafts[^1].Lead.Client.Submit(drafts[^1].Id);
        var responses = await Task.WhenAll(firstWave.Concat(secondWave));

        var submitted = await SubmittedApplications(call.Id);
        Assert.NotEmpty(submitted);
        await AssertEveryAnswerIsSubmittedOrCallClosed(responses, submitted.Count);
        await AssertNoSubmissionCommittedAfter("CloseCall", call.Id, submitted);
        Assert.NotEqual(HttpStatusCode.OK, lateSubmission.StatusCode);
    }

    [Fact]
    public async Task A_submission_bumps_the_version_of_its_call_so_a_close_that_read_the_call_before_cannot_commit()
    {
        var consortium = await factory.ReadyConsortium();
        await using var scope = factory.Services.CreateAsyncScope();
        var closingDb = scope.ServiceProvider.GetRequiredService<GrantHub.Core.Data.GrantHubDbContext>();
        var callReadByTheClose = await closingDb.Calls.SingleAsync(c => c.Id == consortium.Call.Id);
        var versionRead = callReadByTheClose.Version;

        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBe(HttpStatusCode.OK);
        callReadByTheClose.Close(factory.Clock.GetUtcNow());

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => closingDb.SaveChangesAsync());
        var stored = await factory.WithDb(db => db.Calls.Where(c => c.Id == consortium.Call.Id).Select(c => new { c.Version, c.Status }).SingleAsync());
        Assert.Equal((versionRead + 1, CallStatus.Open), (stored.Version, stored.Status));
    }

    [Fact]
    public async Task A_submission_that_read_its_call_before_a_close_committed_cannot_commit()
    {
        var consortium = await factory.ReadyConsortium();
        await using var scope = factory.Services.CreateAsyncScope();
        var submittingDb = scope.ServiceProvider.GetRequiredService<GrantHub.Core.Data.GrantHubDbContext>();
        var application = await submittingDb.Applications.SingleAsync(a => a.Id == consortium.Id);
        var call = await submittingDb.Calls.SingleAsync(c => c.Id == consortium.Call.Id);
        var lead = await submittingDb.Organisations.SingleAsync(o => o.Id == consortium.Lead.OrganisationId);
        application.Submit(call, lead, factory.Clock.GetUtcNow());

        await (await (await factory.Officer()).PostJson($"/api/calls/{consortium.Call.Id}/close")).ShouldBe(HttpStatusCode.OK);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => submittingDb.SaveChangesAsync());
        Assert.Equal(ApplicationStatus.Draft, (await consortium.Lead.Client.Get(consortium.Id)).Status);
    }

    private Task<CallResponse> SoloCallClosingIn(TimeSpan time)
    {
        var now = factory.Clock.GetUtcNow();
        return factory.OpenCall(input => input with
        {
            OpensAt = now.AddDays(-1),
            ClosesAt = now.Add(time),
            Consortium = new ConsortiumRule(Required: false, MinPartners: 0, MaxPartners: 3),
        });
    }

    private async Task<IReadOnlyList<(Applicant Lead, Guid Id)>> ReadyDrafts(CallResponse call)
    {
        var drafts = new List<(Applicant, Guid)>();
        for (var i = 0; i < Submitters; i++)
        {
            var lead = await factory.NewOrganisation("NP");
            var draft = await lead.Draft(call);
            await lead.Budget(draft.Id, new BudgetLineInput(lead.OrganisationId, 1, 60_000m));
            drafts.Add((lead, draft.Id));
        }

        return drafts;
    }

    private Task<List<Application>> SubmittedApplications(Guid callId) =>
        factory.WithDb(db => db.Applications.AsNoTracking().Where(a => a.CallId == callId && a.Status == ApplicationStatus.Submitted).ToListAsync());

    private static async Task AssertEveryAnswerIsSubmittedOrCallClosed(IReadOnlyList<HttpResponseMessage> responses, int submittedCount)
    {
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await response.ShouldBreakRule("call-closed");
        }

        Assert.Equal(submittedCount, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
    }

    /// <summary>Audit entries are appended in commit order: every submission must come before the close.</summary>
    private async Task AssertNoSubmissionCommittedAfter(string closingCommand, Guid? objectId, IReadOnlyList<Application> submitted)
    {
        var submittedIds = submitted.Select(a => (Guid?)a.Id).ToList();
        var entries = await factory.WithDb(db => db.AuditEntries.AsNoTracking()
            .Where(e => (e.Command == closingCommand && e.ObjectId == objectId) || (e.Command == "SubmitApplication" && submittedIds.Contains(e.ObjectId)))
            .Select(e => new { e.Sequence, e.Command, e.Payload })
            .ToListAsync());
        var close = entries.Where(e => e.Command == closingCommand).MaxBy(e => e.Sequence)
            ?? throw new Xunit.Sdk.XunitException($"No {closingCommand} audit entry.");
        var submissions = entries.Where(e => e.Command == "SubmitApplication").ToList();
        Assert.Equal(submitted.Count, submissions.Count);
        Assert.All(submissions, s => Assert.True(s.Sequence < close.Sequence, $"Submission {JsonDocument.Parse(s.Payload).RootElement} committed after the close."));
    }
}
