using GrantHub.Api.Features.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Grants;
using GrantHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

using static GrantHub.Tests.Infrastructure.Amounts;

namespace GrantHub.Tests.Grants;

/// <summary>The service the award decision uses to create a grant and commit its money.</summary>
public class GrantAwardingTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    private async Task<CallResponse> Call(decimal budget)
    {
        var fund = await factory.CreateFund(budget: budget);
        return await factory.CreateOpenCall(GrantScenarios.CallFor(fund.Id, budget, factory.Clock.GetUtcNow()));
    }

    /// <summary>The terms of awarding, in full, a newly submitted application to the call whose lead asks for everything.</summary>
    private async Task<GrantAwardTerms> Terms(CallResponse call, long amount)
    {
        var owner = await factory.NewScenarioUser("owner");
        var lead = await factory.CreateOrganisation("Lead collective", owner.Id);
        var partner = await factory.CreateOrganisation("Partner network", owner.Id);
        var application = await factory.SubmitThroughDomain(call.Id, lead, partner, amount, 0, 24, owner.Id);
        return new GrantAwardTerms(application, call.Id, lead, EuroCents(amount), factory.Today(), 24, new Dictionary<Guid, Money> { [lead] = EuroCents(amount) }, null);
    }

    private async Task<GrantAwardTerms> Terms(decimal budget, long amount) => await Terms(await Call(budget), amount);

    private Task<long> LastGrantNumber() =>
        factory.WithDb(db => db.GrantNumberCounters.Select(c => c.LastNumber).SingleAsync());

    [Fact]
    public async Task Grants_are_numbered_in_sequence_by_award_year()
    {
        var call = await Call(1_000_000m);
        var officer = await factory.UserId(GrantScenarios.OfficerEmail);

        var numbers = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var terms = await Terms(call, 10_000_00);
            numbers.Add(await factory.WithDb(async db =>
            {
                var grant = await new GrantAwarding(db).AwardAsync(terms, officer, factory.Clock.GetUtcNow(), CancellationToken.None);
                await db.SaveChangesAsync();
                return grant.GrantNumber;
            }));
        }

        var last = await LastGrantNumber();
        Assert.Equal([$"GH-2026-{last - 1:D4}", $"GH-2026-{last:D4}"], numbers);
        Assert.Equal(20_000m, (await factory.GetFund(call.FundId)).Committed);
    }

    [Fact]
    public async Task An_award_above_what_the_fund_has_available_is_refused_and_gives_its_number_back()
    {
        var terms = await Terms(50_000m, 50_000_01);
        var officer = await factory.UserId(GrantScenarios.OfficerEmail);
        var before = await LastGrantNumber();

        var refused = await factory.WithDb(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            return await Assert.ThrowsAsync<BusinessRuleException>(() =>
                new GrantAwarding(db).AwardAsync(terms, officer, factory.Clock.GetUtcNow(), CancellationToken.None));
        });

        Assert.Equal("fund-insufficient", refused.Rule);
        Assert.Equal(before, await LastGrantNumber());
        Assert.False(await factory.WithDb(db => db.Grants.AnyAsync(g => g.ApplicationId == terms.ApplicationId)));
    }

    [Fact]
    public async Task An_award_against_an_unknown_call_is_not_found()
    {
        var terms = await Terms(50_000m, 10_000_00);
        var officer = await factory.UserId(GrantScenarios.OfficerEmail);

        await factory.WithDb(db => Assert.ThrowsAsync<NotFoundException>(() =>
            new GrantAwarding(db).AwardAsync(terms with { CallId = Guid.NewGuid() }, officer, factory.Clock.GetUtcNow(), CancellationToken.None)));
    }
}
