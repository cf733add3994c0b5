using GrantHub.Api.Features.Calls;
using GrantHub.Core.Calls;
using GrantHub.Tests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Calls;

public class CloseExpiredCallsTests : IDisposable
{
    private readonly GrantHubFactory _factory = new();

    [Fact]
    public async Task Job_closes_calls_whose_closing_time_has_passed_once_even_when_run_concurrently()
    {
        var expiring = await _factory.CreateOpenCall();
        var later = await _factory.CreateOpenCall(TestData.CallInput((await _factory.CreateFund()).Id, _factory.Clock.GetUtcNow()) with
        {
            ClosesAt = _factory.Clock.GetUtcNow().AddDays(90),
        });
        _factory.Clock.Advance(TimeSpan.FromDays(30));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunJob()));
        await RunJob();

        var statuses = await _factory.WithDb(db => db.Calls.Where(c => c.Id == expiring.Id || c.Id == later.Id)
            .ToDictionaryAsync(c => c.Id, c => c.Status));
        Assert.Equal(CallStatus.Closed, statuses[expiring.Id]);
        Assert.Equal(CallStatus.Open, statuses[later.Id]);
        var sweepsAudited = await _factory.WithDb(db => db.AuditEntries.CountAsync(a => a.Command == "CloseExpiredCalls"));
        Assert.Equal(1, sweepsAudited);
    }

    public void Dispose() => _factory.Dispose();

    private Task RunJob() => _factory.WithScope(services =>
        new CloseExpiredCallsJob(services.GetRequiredService<IMediator>()).RunAsync(CancellationToken.None));
}
