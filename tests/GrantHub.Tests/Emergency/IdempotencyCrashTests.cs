using System.Data.Common;
using System.Net;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Infrastructure.Idempotency;
using GrantHub.Core.Emergency;
using GrantHub.Core.Idempotency;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Emergency;

/// <summary>Whatever fails once the command has committed, its key is complete: the retry replays, never runs twice.</summary>
public class IdempotencyCrashTests : IDisposable
{
    private readonly FailOnceAfterCommittingAnEmergencyRequest _fault = new();
    private readonly GrantHubFactory _factory;

    public IdempotencyCrashTests() =>
        _factory = GrantHubFactory.WithSettings(
            new Dictionary<string, string?>(),
            services => services.ConfigureDbContext<Core.Data.GrantHubDbContext>(options => options.AddInterceptors(_fault)));

    [Fact]
    public async Task A_fault_between_commit_and_response_leaves_the_key_complete_so_the_retry_replays_the_same_request()
    {
        var member = await _factory.NewOrganisationMember();
        var fund = await _factory.CreateRapidResponseFund();
        var body = _factory.Body(member.OrganisationId, fund.Id);
        var key = Guid.NewGuid().ToString();
        _fault.Armed = true;

        var lost = await member.Client.PostEmergencyRequest(body, key);
        var retry = await member.Client.PostEmergencyRequest(body, key);

        Assert.Equal(HttpStatusCode.InternalServerError, lost.StatusCode);
        Assert.True(_fault.Fired);
        var replayed = await retry.ReadAs<EmergencyRequestResponse>(HttpStatusCode.Created);
        Assert.True(retry.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        var stored = await _factory.WithDb(db => db.EmergencyRequests.Where(r => r.OrganisationId == member.OrganisationId).Select(r => r.Id).ToListAsync());
        Assert.Equal([replayed.Id], stored);
        Assert.Equal(IdempotencyStatus.Completed, await _factory.WithDb(db => db.IdempotencyRecords.Where(r => r.Key == key).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_command_that_fails_before_commit_leaves_no_key_so_the_retry_runs()
    {
        var member = await _factory.NewOrganisationMember();
        var fund = await _factory.CreateRapidResponseFund();
        var body = _factory.Body(member.OrganisationId, fund.Id);
        var key = Guid.NewGuid().ToString();
        _fault.FailBeforeCommit = true;

        var failed = await member.Client.PostEmergencyRequest(body, key);
        var retry = await member.Client.PostEmergencyRequest(body, key);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        await retry.ShouldBe(HttpStatusCode.Created);
        Assert.False(retry.Headers.Contains(IdempotencyKeys.ReplayedHeaderName));
        Assert.Equal(1, await _factory.WithDb(db => db.EmergencyRequests.CountAsync(r => r.OrganisationId == member.OrganisationId)));
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>Throws once, just after (or just before) a transaction that created an emergency request commits, as a lost connection or a crash would.</summary>
    private sealed class FailOnceAfterCommittingAnEmergencyRequest : DbTransactionInterceptor
    {
        public bool Armed { get; set; }
        public bool FailBeforeCommit { get; set; }
        public bool Fired { get; private set; }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken)
        {
            if (FailBeforeCommit && CreatedAnEmergencyRequest(eventData))
            {
                FailBeforeCommit = false;
                throw new IOException("The database connection was lost before the commit.");
            }

            return base.TransactionCommittingAsync(transaction, eventData, result, cancellationToken);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
        {
            if (Armed && CreatedAnEmergencyRequest(eventData))
            {
                Armed = false;
                Fired = true;
                throw new IOException("The process failed after the commit, before answering.");
            }

            return base.TransactionCommittedAsync(transaction, eventData, cancellationToken);
        }

        private static bool CreatedAnEmergencyRequest(TransactionEventData eventData) =>
            eventData.Context?.ChangeTracker.Entries<EmergencyRequest>().Any() == true;
    }
}
