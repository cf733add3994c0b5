using System.Net;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Features.Finance;
using GrantHub.Api.Features.Grants;
using GrantHub.Core.Grants;
using GrantHub.Tests.Emergency;
using GrantHub.Tests.Grants;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Web;
using Microsoft.EntityFrameworkCore;
using static GrantHub.Tests.Infrastructure.Amounts;

namespace GrantHub.Tests.Finance;

/// <summary>A portfolio with thousands of payments waiting shows the most urgent and says how many wait in all.</summary>
public class FinanceQueueLengthTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task The_queue_shows_the_fifty_soonest_promises_and_counts_every_request_waiting()
    {
        var fund = await factory.CreateRapidResponseFund();
        var requests = new List<EmergencyRequestResponse>();
        for (var i = 0; i <= GetFinanceQueueHandler.MaxPerList; i++)
        {
            var member = await factory.NewOrganisationMember();
            requests.Add(await member.Client.Submit(factory.Body(member.OrganisationId, fund.Id)));
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var queue = await (await (await factory.Finance()).GetAsync("/api/finance/queue")).ReadAs<FinanceQueueResponse>();

        Assert.Equal(GetFinanceQueueHandler.MaxPerList + 1, queue.AwaitingDecisionTotal);
        Assert.Equal(requests.Take(GetFinanceQueueHandler.MaxPerList).Select(r => r.Id), queue.AwaitingDecision.Select(i => i.Id));
        Assert.Empty(queue.AwaitingPayment);
        Assert.Equal(0, queue.AwaitingPaymentTotal);

        var page = WebUtility.HtmlDecode(await (await WebSession.SignedIn(factory, "finance@granthub.local", "fr")).Read("/finance/approvals"));
        Assert.Contains($"Les {GetFinanceQueueHandler.MaxPerList} plus urgents sur {GetFinanceQueueHandler.MaxPerList + 1} sont affichés", page);
    }
}

public class FinanceQueueConditionalTrancheTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task A_tranche_waiting_for_its_annual_report_is_neither_listed_nor_counted_until_the_report_is_accepted()
    {
        var scenario = await factory.AwardGrant(startDate: factory.Today().AddMonths(-13));
        var grant = await factory.Activate(scenario);
        var finance = await factory.Finance();
        var yearOne = grant.Reports.Single(r => r.PeriodYear == 1);

        var before = await (await finance.GetAsync("/api/finance/queue")).ReadAs<FinanceQueueResponse>();
        Assert.Equal([1], before.AwaitingDecision.Select(i => i.TrancheNumber));
        Assert.Equal(1, before.AwaitingDecisionTotal);

        await (await scenario.LeadMember.Client.SubmitReport(scenario, yearOne.Id)).ShouldBe(HttpStatusCode.OK);
        await (await (await factory.Officer()).PostJson($"{scenario.Url}/reports/{yearOne.Id}/review", new ReviewReportRequest(ReportOutcome.Accepted, null)))
            .ShouldBe(HttpStatusCode.OK);

        var after = await (await finance.GetAsync("/api/finance/queue")).ReadAs<FinanceQueueResponse>();
        Assert.Equal([1, 2], after.AwaitingDecision.Select(i => i.TrancheNumber));
        Assert.Equal(2, after.AwaitingDecisionTotal);
    }
}

/// <summary>
/// Emergencies come first in both lists; tranches take the places they leave, and only those are loaded whole. Each
/// list has its class, so that one's emergencies never take the other's places.
/// </summary>
public abstract class FinanceQueuePlacesTests
{
    protected FinanceQueuePlacesTests(CommandCountingFactory factory) => Factory = factory;

    protected CommandCountingFactory Factory { get; }

    /// <summary>49 emergencies, then the grant's first tranche, loaded whole; 50 waiting in all.</summary>
    protected static void TrancheHasTheLastPlace(
        IReadOnlyList<FinanceQueueItem> list, int total, CommandCountingFactory.CommandCount read, List<Guid> emergencies, Guid grantId)
    {
        Assert.Equal([.. emergencies, grantId], list.Select(i => i.Id));
        Assert.Equal(MoneyItemKind.Tranche, list[^1].Kind);
        Assert.Equal(1, list[^1].TrancheNumber);
        Assert.Equal(GetFinanceQueueHandler.MaxPerList, total);
        Assert.Contains(read.Texts, ReadsAllocations);
    }

    /// <summary>50 emergencies and no grant read; the tranche still counted among the 51 waiting.</summary>
    protected static void EmergenciesFillTheList(IReadOnlyList<FinanceQueueItem> list, int total, CommandCountingFactory.CommandCount read, List<Guid> emergencies)
    {
        Assert.Equal(emergencies, list.Select(i => i.Id));
        Assert.Equal(GetFinanceQueueHandler.MaxPerList + 1, total);
        Assert.DoesNotContain(read.Texts, ReadsAllocations);
    }

    /// <summary>Only a whole grant's load reads its allocations: the queue itself never needs them.</summary>
    protected static bool ReadsAllocations(string sql) => sql.Contains("GrantAllocations", StringComparison.Ordinal);

    /// <summary>An emergency request of a new organisation, a minute after the one before.</summary>
    protected async Task SubmitEmergency(Guid fundId, List<Guid> emergencies)
    {
        var member = await Factory.NewOrganisationMember();
        emergencies.Add((await member.Client.Submit(Factory.Body(member.OrganisationId, fundId))).Id);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    protected async Task<(FinanceQueueResponse Queue, CommandCountingFactory.CommandCount Read)> ReadQueue(HttpClient finance)
    {
        FinanceQueueResponse? queue = null;
        var read = await Factory.CountCommands(async () => queue = await (await finance.GetAsync("/api/finance/queue")).ReadAs<FinanceQueueResponse>());
        return (queue!, read);
    }
}

public class FinanceQueueDecisionPlacesTests(CommandCountingFactory factory) : FinanceQueuePlacesTests(factory), IClassFixture<CommandCountingFactory>
{
    [Fact]
    public async Task A_due_tranche_takes_the_place_forty_nine_emergencies_leave_and_is_only_counted_once_fifty_fill_the_list()
    {
        var grant = await Factory.Activate(await Factory.AwardGrant(startDate: Factory.Today().AddMonths(-1)));
        var fund = await Factory.CreateRapidResponseFund();
        var emergencies = new List<Guid>();
        for (var i = 1; i < GetFinanceQueueHandler.MaxPerList; i++)
        {
            await SubmitEmergency(fund.Id, emergencies);
        }

        var finance = await Factory.Finance();
        var (withPlaceLeft, readWithPlaceLeft) = await ReadQueue(finance);
        TrancheHasTheLastPlace(withPlaceLeft.AwaitingDecision, withPlaceLeft.AwaitingDecisionTotal, readWithPlaceLeft, emergencies, grant.Id);

        await SubmitEmergency(fund.Id, emergencies);
        var (full, readFull) = await ReadQueue(finance);
        EmergenciesFillTheList(full.AwaitingDecision, full.AwaitingDecisionTotal, readFull, emergencies);
    }
}

public class FinanceQueuePaymentPlacesTests(CommandCountingFactory factory) : FinanceQueuePlacesTests(factory), IClassFixture<CommandCountingFactory>
{
    [Fact]
    public async Task An_approved_tranche_takes_the_payment_place_forty_nine_approved_emergencies_leave()
    {
        var scenario = await Factory.AwardGrant(startDate: Factory.Today().AddMonths(-1));
        var grant = await Factory.Activate(scenario);
        var finance = await Factory.Finance();
        await (await finance.Approve(scenario, 1)).ShouldBe(HttpStatusCode.OK);
        var fund = await Factory.CreateRapidResponseFund();
        var emergencies = new List<Guid>();
        async Task ApproveEmergency()
        {
            var member = await Factory.NewOrganisationMember();
            var request = await member.Client.Submit(Factory.Body(member.OrganisationId, fund.Id));
            await (await finance.Approve(request.Id)).ShouldBe(HttpStatusCode.OK);
            emergencies.Add(request.Id);
            Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        for (var i = 1; i < GetFinanceQueueHandler.MaxPerList; i++)
        {
            await ApproveEmergency();
        }

        var (withPlaceLeft, readWithPlaceLeft) = await ReadQueue(finance);
        TrancheHasTheLastPlace(withPlaceLeft.AwaitingPayment, withPlaceLeft.AwaitingPaymentTotal, readWithPlaceLeft, emergencies, grant.Id);

        await ApproveEmergency();
        var (full, readFull) = await ReadQueue(finance);
        EmergenciesFillTheList(full.AwaitingPayment, full.AwaitingPaymentTotal, readFull, emergencies);
    }
}

/// <summary>
/// Due tranches are cut to the places left in SQL, while planned tranches with a report condition are checked one by
/// one; the two are merged by planned date before the places are given, and neither grant is loaded without one.
/// </summary>
public class FinanceQueueCheckedTranchePlacesTests(CommandCountingFactory factory) : FinanceQueuePlacesTests(factory), IClassFixture<CommandCountingFactory>
{
    [Fact]
    public async Task A_due_tranche_and_a_conditional_tranche_share_the_last_place_by_planned_date_and_are_only_counted_once_fifty_emergencies_fill_the_list()
    {
        var today = Factory.Today();
        var conditionalOn = today.AddMonths(1).AddDays(14);
        var conditional = await Factory.AwardGrant(startDate: today.AddMonths(-11), tranchePlan: [new PlannedTranche(conditionalOn, EuroCents(90_000_00))]);
        var yearOne = (await Factory.Activate(conditional)).Reports.Single(r => r.PeriodYear == 1);
        await Factory.AcceptReport(conditional, yearOne.Id);
        Factory.Clock.Advance(TimeSpan.FromDays(61));
        var due = await Factory.AwardGrant(
            startDate: today,
            tranchePlan: [new PlannedTranche(conditionalOn.AddDays(-7), EuroCents(45_000_00)), new PlannedTranche(conditionalOn.AddDays(7), EuroCents(45_000_00))]);
        await Factory.Activate(due);
        Assert.Equal([TrancheStatus.Planned], await TrancheStatuses(conditional));
        Assert.Equal([TrancheStatus.Due, TrancheStatus.Due], await TrancheStatuses(due));

        var fund = await Factory.CreateRapidResponseFund();
        var emergencies = new List<Guid>();
        for (var i = 1; i < GetFinanceQueueHandler.MaxPerList; i++)
        {
            await SubmitEmergency(fund.Id, emergencies);
        }

        var finance = await Factory.Finance();
        var (dueEarlier, _) = await ReadQueue(finance);
        Assert.Equal([.. emergencies, due.GrantId], dueEarlier.AwaitingDecision.Select(i => i.Id));
        Assert.Equal(1, dueEarlier.AwaitingDecision[^1].TrancheNumber);
        Assert.Equal(GetFinanceQueueHandler.MaxPerList + 2, dueEarlier.AwaitingDecisionTotal);

        await Factory.ApproveAndPay(due, 1);
        var (conditionalEarlier, _) = await ReadQueue(finance);
        Assert.Equal([.. emergencies, conditional.GrantId], conditionalEarlier.AwaitingDecision.Select(i => i.Id));
        Assert.Equal(1, conditionalEarlier.AwaitingDecision[^1].TrancheNumber);
        Assert.Equal(GetFinanceQueueHandler.MaxPerList + 1, conditionalEarlier.AwaitingDecisionTotal);

        await SubmitEmergency(fund.Id, emergencies);
        var (full, readFull) = await ReadQueue(finance);
        Assert.Equal(emergencies, full.AwaitingDecision.Select(i => i.Id));
        Assert.Equal(GetFinanceQueueHandler.MaxPerList + 2, full.AwaitingDecisionTotal);
        Assert.DoesNotContain(readFull.Texts, ReadsAllocations);
    }

    private Task<List<TrancheStatus>> TrancheStatuses(GrantScenario grant) =>
        Factory.WithDb(db => db.Tranches.Where(t => t.GrantId == grant.GrantId).OrderBy(t => t.Number).Select(t => t.Status).ToListAsync());
}
