using System.Net;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Idempotency;
using GrantHub.Core.Identity;
using GrantHub.Tests.Infrastructure;
using Hangfire;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Emergency;

public class EmergencyEscalationTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task Undecided_request_is_escalated_to_every_finance_officer_once_after_48_hours_and_breached_after_72()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        var financeOfficers = await UsersInRole(Roles.FinanceOfficer);
        var programmeOfficers = await UsersInRole(Roles.ProgrammeOfficer);

        factory.Clock.Advance(TimeSpan.FromHours(47));
        await Sweep();
        Assert.Null((await Get(request.Id)).EscalatedAt);

        factory.Clock.Advance(TimeSpan.FromHours(2));
        var escalatedAt = factory.StoredNow;
        await Sweep();
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await Sweep();
        await Task.WhenAll(Sweep(), Sweep());

        var escalated = await Get(request.Id);
        Assert.Equal(escalatedAt, escalated.EscalatedAt);
        Assert.Null(escalated.BreachedAt);
        Assert.Equal(financeOfficers.Order(), (await Recipients($"emergency-escalated:{request.Id}")).Order());

        factory.Clock.Advance(TimeSpan.FromHours(24));
        var breachedAt = factory.StoredNow;
        await Sweep();
        await Sweep();

        var breached = await Get(request.Id);
        Assert.Equal(breachedAt, breached.BreachedAt);
        Assert.Equal(escalatedAt, breached.EscalatedAt);
        Assert.Equal(financeOfficers.Concat(programmeOfficers).Distinct().Order(), (await Recipients($"emergency-breached:{request.Id}")).Order());
        Assert.Equal(financeOfficers.Order(), (await Recipients($"emergency-escalated:{request.Id}")).Order());
    }

    [Fact]
    public async Task A_request_first_seen_after_72_hours_is_escalated_and_breached_in_one_run()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));

        factory.Clock.Advance(TimeSpan.FromHours(73));
        await Sweep();

        var swept = await Get(request.Id);
        Assert.NotNull(swept.EscalatedAt);
        Assert.NotNull(swept.BreachedAt);
        Assert.NotEmpty(await Recipients($"emergency-escalated:{request.Id}"));
        Assert.NotEmpty(await Recipients($"emergency-breached:{request.Id}"));
    }

    [Fact]
    public async Task Decided_or_cancelled_requests_are_never_escalated()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var approved = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        var cancelled = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        await (await (await factory.Finance()).Approve(approved.Id)).ShouldBe(HttpStatusCode.OK);
        await (await member.Client.Cancel(cancelled.Id)).ShouldBe(HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromHours(80));
        await Sweep();

        foreach (var id in new[] { approved.Id, cancelled.Id })
        {
            var request = await Get(id);
            Assert.Null(request.EscalatedAt);
            Assert.Null(request.BreachedAt);
            Assert.Empty(await Recipients($"emergency-escalated:{id}"));
        }
    }

    [Fact]
    public async Task A_sweep_with_nothing_to_do_leaves_no_audit_entry()
    {
        await Sweep();
        var before = await factory.WithDb(db => db.AuditEntries.CountAsync());

        await Sweep();

        Assert.Equal(before, await factory.WithDb(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task The_recurring_job_is_registered_under_a_stable_id_and_sends_the_sweep()
    {
        var member = await factory.NewOrganisationMember();
        var fund = await factory.CreateRapidResponseFund();
        var request = await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        factory.Clock.Advance(TimeSpan.FromHours(49));

        await factory.WithScope(services =>
            ActivatorUtilities.CreateInstance<EscalateEmergencyRequestsJob>(services).RunAsync(CancellationToken.None));

        Assert.NotNull((await Get(request.Id)).EscalatedAt);
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobIds = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Select(j => j.Id).ToList();
        Assert.Contains(EscalateEmergencyRequestsJob.Id, jobIds);
        Assert.Contains(PurgeExpiredIdempotencyKeysJob.Id, jobIds);
    }

    private Task Sweep() =>
        factory.WithScope(services => services.GetRequiredService<IMediator>().Send(new EscalateEmergencyRequestsCommand()).AsTask());

    private async Task<EmergencyRequestResponse> Get(Guid id) =>
        await (await (await factory.Finance()).GetAsync($"{EmergencyTestData.Url}/{id}")).ReadAs<EmergencyRequestResponse>();

    private Task<List<Guid>> Recipients(string eventKey) =>
        factory.WithDb(db => db.Notifications
            .Where(n => n.DeduplicationKey.StartsWith(eventKey + ":"))
            .Select(n => n.RecipientUserId)
            .ToListAsync());

    private Task<List<Guid>> UsersInRole(string role) =>
        factory.WithDb(db => db.UserRoles
            .Join(db.Roles.Where(r => r.Name == role), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .ToListAsync());
}
