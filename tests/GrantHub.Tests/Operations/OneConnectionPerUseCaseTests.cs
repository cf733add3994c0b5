using System.Data;
using System.Net;
using FluentValidation;
using GrantHub.Api.Features.Finance;
using GrantHub.Api.Features.Users;
using GrantHub.Core.Data;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Web;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantHub.Tests.Operations;

/// <summary>
/// A use case takes one connection from the pool for all its queries, instead of one per query, and gives it back
/// when it ends, failed or not. A signed-in request checks its session on that same connection.
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
        Assert.Equal(1, read.Openings);
    }

    [Fact]
    public async Task A_page_read_with_the_session_cookie_checks_the_session_on_the_connection_its_use_cases_use()
    {
        var officer = await WebSession.SignedIn(factory, GrantScenarios.OfficerEmail);

        var read = await factory.CountCommands(() => officer.Read("/home"));

        Assert.True(read.Queries >= 5, $"the home page sent {read.Queries} queries");
        Assert.Equal(1, read.Openings);
    }

    [Fact]
    public async Task A_signed_in_request_with_a_body_takes_a_connection_only_while_each_step_runs()
    {
        var fund = await factory.CreateRapidResponseFund();
        var member = await factory.NewOrganisationMember();

        var submitted = await factory.CountCommands(async () => await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id)));

        // The session's check, then the use case: none while the body arrives.
        Assert.Equal(2, submitted.Openings);
    }

    [Fact]
    public async Task An_anonymous_request_opens_no_connection_before_its_use_case()
    {
        var anonymous = factory.CreateClient();

        var read = await factory.CountCommands(async () => await (await anonymous.GetAsync("/api/me")).ShouldBe(HttpStatusCode.Unauthorized));

        Assert.Equal(0, read.Openings);
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
