using GrantHub.Api.Features.Emergency;
using GrantHub.Tests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GrantHub.Tests.Emergency;

public class EmergencySweepQueryTests(CommandCountingFactory factory, ITestOutputHelper output) : IClassFixture<CommandCountingFactory>
{
    [Fact]
    public async Task The_escalation_sweep_asks_the_database_as_often_for_20_due_requests_as_for_5()
    {
        var five = await SweepOver(5);
        var twenty = await SweepOver(20);
        output.WriteLine($"5 due: {five.Queries} queries, {five.Saves} saves; 20 due: {twenty.Queries} queries, {twenty.Saves} saves");

        // Writes are one command per changed row on SQLite (its EF provider does not batch); the reads are the sweep's own.
        Assert.Equal(five.Queries, twenty.Queries);
        var requestsTold = await factory.WithDb(db => db.Notifications
            .Where(n => n.DeduplicationKey.StartsWith("emergency-breached:"))
            .Select(n => n.Link)
            .Distinct()
            .CountAsync());
        Assert.Equal(5 + 20, requestsTold);
    }

    /// <summary>Submits <paramref name="count"/> requests from as many organisations, lets them pass the promise and sweeps once.</summary>
    private async Task<CommandCountingFactory.CommandCount> SweepOver(int count)
    {
        var fund = await factory.CreateRapidResponseFund(budget: 10_000_000m);
        for (var i = 0; i < count; i++)
        {
            var member = await factory.NewOrganisationMember(sensitive: i % 2 == 0);
            await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id, amount: 100m));
        }

        factory.Clock.Advance(TimeSpan.FromHours(73));
        return await factory.CountCommands(() => factory.WithScope(services =>
            services.GetRequiredService<IMediator>().Send(new EscalateEmergencyRequestsCommand()).AsTask()));
    }
}
