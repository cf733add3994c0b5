using System.Data;
using FluentValidation;
using GrantHub.Api.Features.Finance;
using GrantHub.Api.Features.Users;
using GrantHub.Core.Data;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Operations;

/// <summary>
/// A use case takes one connection from the pool for all its queries, instead of one per query, and gives it back
/// when it ends, failed or not.
/// </summary>
public class OneConnectionPerUseCaseTests(CommandCountingFactory factory) : IClassFixture<CommandCountingFactory>
{
    [Fact]
    public async Task The_finance_queue_sends_its_queries_through_one_connection()
    {
        await factory.Activate(await factory.AwardGrant(startDate: factory.Today().AddMonths(-1)));
        var fund = await factory.CreateRapidResponseFund();
        var member = await factory.NewOrganisationMember();
        await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id));
        var finance = await factory.Finance();

        var read = await factory.CountCommands(async () => await (await finance.GetAsync("/api/finance/queue")).ReadAs<FinanceQueueResponse>());

        Assert.True(read.Queries >= 10, $"the queue sent {read.Queries} queries");
        // One for the session's check before the use case, one for the use case.
        Assert.Equal(2, read.Openings);
    }

    [Fact]
    public async Task A_use_case_that_fails_gives_its_connection_back()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantHubDbContext>();

        await Assert.ThrowsAsync<ValidationException>(
            () => scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetOfficerQueueQuery(PerKind: 0)).AsTask());

        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
    }
}
