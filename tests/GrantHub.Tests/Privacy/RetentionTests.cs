using System.Net;
using System.Text.Json;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Audit;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Features.Privacy;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Core.Applications;
using GrantHub.Core.Grants;
using GrantHub.Tests.Applications;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;
using GrantHub.Tests.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Privacy;

/// <summary>Once the retention period is over, the words go; the money, the records of who did what, and the audit chain stay.</summary>
public sealed class RetentionTests : IDisposable
{
    private static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(new RetentionOptions().Days);

    private readonly GrantHubFactory _factory = new();

    [Fact]
    public async Task After_the_retention_period_the_job_erases_the_texts_from_the_database_file_and_keeps_totals_and_the_audit_chain()
    {
        var summary = $"We shelter defenders in the hills above Gitega {Guid.NewGuid():N}";
        var feedback = $"The panel worries about the coordinator's safety {Guid.NewGuid():N}";
        var rejected = await RejectedApplication(summary, feedback);
        var grant = await _factory.AwardGrant(amount: 90_000m);
        await _factory.Activate(grant);
        await _factory.ApproveAndPay(grant, 1);
        await (await (await _factory.Officer()).PostJson($"{grant.Url}/terminate", new TerminateGrantRequest("The coordinator had to flee."))).ShouldBe(HttpStatusCode.OK);
        var applicant = await _factory.NewOrganisation();
        var rapidFund = await _factory.CreateRapidResponseFund();
        var request = await applicant.Client.Submit(_factory.Body(applicant.OrganisationId, rapidFund.Id, justification: "Relocation of three women tonight."));
        await (await (await _factory.Finance()).Reject(request.Id, "Outside the fund's rules.")).ShouldBe(HttpStatusCode.OK);
        var fundsBefore = (await _factory.GetFund(grant.Fund.Id), await _factory.GetFund(rapidFund.Id), await _factory.GetFund(rejected.Call.FundId));
        if (!TestSqlServer.Enabled)
        {
            Assert.True(DatabaseFile.Holds(_factory, summary) && DatabaseFile.Holds(_factory, feedback), "The texts are in the database before their retention ends.");
        }

        _factory.Clock.Advance(DefaultRetention - TimeSpan.FromDays(1));
        var auditBefore = await Verify();
        Assert.Equal(0, (await RunJob()).Affected);
        Assert.Equal(summary, (await Application(rejected.Id)).Summary);
        Assert.Equal(auditBefore.EntriesChecked, (await Verify()).EntriesChecked);

        _factory.Clock.Advance(TimeSpan.FromDays(2));
        var erased = await RunJob();

        Assert.True(erased.Affected >= 3, $"Erased {erased.Affected}");
        var application = await Application(rejected.Id);
        Assert.Equal(("", null), (application.Summary, application.DecisionFeedback));
        Assert.Equal(ApplicationStatus.Rejected, application.Status);
        Assert.Equal(rejected.Application.RequestedTotal, application.RequestedTotal);
        var erasedRequest = await (await (await _factory.Finance()).GetAsync($"{EmergencyTestData.Url}/{request.Id}")).ReadJson();
        Assert.Equal("", erasedRequest.GetProperty("justification").GetString());
        Assert.Equal(JsonValueKind.Null, erasedRequest.GetProperty("rejectionReason").ValueKind);
        var erasedGrant = await _factory.WithDb(db => db.Grants.Where(g => g.Id == grant.GrantId).Select(g => new { g.TerminationReason, g.Status, g.Amount }).SingleAsync());
        Assert.Equal((null, GrantStatus.Terminated, 90_000m), (erasedGrant.TerminationReason, erasedGrant.Status, erasedGrant.Amount.Amount));
        Assert.Equal(
            fundsBefore,
            (await _factory.GetFund(grant.Fund.Id), await _factory.GetFund(rapidFund.Id), await _factory.GetFund(rejected.Call.FundId)));
        var auditAfter = await Verify();
        Assert.True(auditAfter.Intact, auditAfter.Problem);
        Assert.Equal(auditBefore.EntriesChecked + 1, auditAfter.EntriesChecked);
        if (!TestSqlServer.Enabled)
        {
            Assert.False(DatabaseFile.Holds(_factory, summary), "The erased summary is still in the database file or its log.");
            Assert.False(DatabaseFile.Holds(_factory, feedback), "The erased feedback is still in the database file or its log.");
        }

        var versions = await Versions();
        Assert.Equal(0, (await RunJob()).Affected);
        Assert.Equal(versions, await Versions());
        Assert.Equal(auditAfter.EntriesChecked, (await Verify()).EntriesChecked);
    }

    public void Dispose() => _factory.Dispose();

    private async Task<Consortium> RejectedApplication(string summary, string feedback)
    {
        var consortium = await _factory.ReadyConsortium();
        await (await consortium.Lead.Client.PutJson($"/api/applications/{consortium.Id}", ApplicationTestData.UpdateInput(consortium.Application) with { Summary = summary }))
            .ShouldBe(HttpStatusCode.OK);
        await (await consortium.Lead.Client.Submit(consortium.Id)).ShouldBe(HttpStatusCode.OK);
        await _factory.CloseCall(consortium.Call.Id);
        await (await (await _factory.Officer()).Decide(consortium.Id, ReviewTestData.Reject(feedback))).ShouldBe(HttpStatusCode.OK);
        return consortium with { Application = await (await _factory.Officer()).Get(consortium.Id) };
    }

    private async Task<ApplicationResponse> Application(Guid id) => await (await _factory.Officer()).Get(id);

    private async Task<AuditVerificationResponse> Verify() =>
        await (await (await _factory.Admin()).GetAsync("/api/audit/verify")).ReadAs<AuditVerificationResponse>();

    private async Task<SweepResult> RunJob()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ErasePersonalDataAfterRetentionCommand());
    }

    private Task<List<(Guid Id, long Version)>> Versions() => _factory.WithDb(async db =>
        (await db.Grants.Select(g => new { g.Id, g.Version }).ToListAsync())
            .Concat(await db.Applications.Select(a => new { a.Id, a.Version }).ToListAsync())
            .Concat(await db.EmergencyRequests.Select(r => new { r.Id, r.Version }).ToListAsync())
            .Select(row => (row.Id, row.Version))
            .Order()
            .ToList());
}
