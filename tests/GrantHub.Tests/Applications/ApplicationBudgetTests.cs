using System.Net;
using GrantHub.Api.Features.Applications;
using GrantHub.Tests.Infrastructure;
using GrantHub.Tests.Organisations;

namespace GrantHub.Tests.Applications;

public class ApplicationBudgetTests(GrantHubFactory factory) : IClassFixture<GrantHubFactory>
{
    [Fact]
    public async Task A_new_budget_replaces_the_old_one_and_the_requested_total_is_its_sum()
    {
        var consortium = await factory.ReadyConsortium();
        var lead = consortium.Lead;

        var replaced = await lead.Budget(
            consortium.Id,
            new BudgetLineInput(lead.OrganisationId, 1, 70_000.10m),
            new BudgetLineInput(consortium.Partner.OrganisationId, 2, 0m));

        Assert.Equal(
            [new BudgetLineResponse(lead.OrganisationId, 1, 70_000.10m), new BudgetLineResponse(consortium.Partner.OrganisationId, 2, 0m)],
            replaced.Budget);
        Assert.Equal(70_000.10m, replaced.RequestedTotal);
        var cleared = await lead.Budget(consortium.Id);
        Assert.Empty(cleared.Budget);
        Assert.Equal(0m, cleared.RequestedTotal);
    }

    [Fact]
    public async Task Budget_lines_may_go_to_an_invited_partner_that_has_not_confirmed_yet()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var partner = await factory.NewOrganisation("BI");
        var draft = await lead.Draft(call);
        await lead.Invite(draft.Id, partner);

        var budgeted = await lead.Budget(draft.Id, new BudgetLineInput(partner.OrganisationId, 1, 5_000m));

        Assert.Equal(5_000m, budgeted.RequestedTotal);
    }

    [Fact]
    public async Task Years_run_from_one_to_the_last_started_grant_year()
    {
        var call = await factory.OpenCall();
        var lead = await factory.NewOrganisation("NP");
        var draft = await lead.Draft(call, durationMonths: 25);

        var budgeted = await lead.Budget(draft.Id, new BudgetLineInput(lead.OrganisationId, 3, 1_000m));
        Assert.Equal(3, budgeted.Budget.Single().Year);

        await (await lead.Client.PutBudget(draft.Id, new BudgetLineInput(lead.OrganisationId, 4, 1_000m))).ShouldBeInvalid("lines[0].year");
        await (await lead.Client.PutBudget(draft.Id, new BudgetLineInput(lead.OrganisationId, 0, 1_000m))).ShouldBeInvalid("lines[0].year");
    }

    [Fact]
    public async Task Negative_amounts_and_more_decimals_than_the_call_currency_has_are_refused()
    {
        var fund = await factory.CreateFund(currency: "JPY");
        var call = await factory.CreateOpenCall(TestData.CallInput(fund.Id, factory.Clock.GetUtcNow()));
        var lead = await factory.NewOrganisation("NP");
        var draft = await lead.Draft(call);

        await (await lead.Client.PutBudget(draft.Id, new BudgetLineInput(lead.OrganisationId, 1, -1m))).ShouldBeInvalid("lines[0].amount");
        await (await lead.Client.PutBudget(draft.Id, new BudgetLineInput(lead.OrganisationId, 1, 1m), new BudgetLineInput(lead.OrganisationId, 2, 10.5m)))
            .ShouldBeInvalid("lines[1].amount");
        var yen = await lead.Budget(draft.Id, new BudgetLineInput(lead.OrganisationId, 1, 6_000_000m));
        Assert.Equal(("JPY", 6_000_000m), (yen.Currency, yen.RequestedTotal));
    }

    [Fact]
    public async Task Lines_for_organisations_outside_the_consortium_are_refused()
    {
        var consortium = await factory.ReadyConsortium();
        var stranger = await factory.NewOrganisation("CO");
        var lead = consortium.Lead;

        await (await lead.Client.PutBudget(consortium.Id, new BudgetLineInput(stranger.OrganisationId, 1, 1_000m))).ShouldBeInvalid("lines[0].organisationId");

        await (await consortium.Partner.Client.PostJson($"/api/applications/{consortium.Id}/partners/{consortium.Partner.OrganisationId}/decline"))
            .ShouldBe(HttpStatusCode.OK);
        await (await lead.Client.PutBudget(consortium.Id, new BudgetLineInput(consortium.Partner.OrganisationId, 1, 1_000m)))
            .ShouldBeInvalid("lines[0].organisationId");
    }

    [Fact]
    public async Task One_line_per_organisation_per_year()
    {
        var consortium = await factory.ReadyConsortium();
        var lead = consortium.Lead;

        var response = await lead.Client.PutBudget(
            consortium.Id, new BudgetLineInput(lead.OrganisationId, 1, 1_000m), new BudgetLineInput(lead.OrganisationId, 1, 2_000m));

        await response.ShouldBeInvalid("lines");
    }

    [Fact]
    public async Task A_budget_without_a_list_of_lines_is_refused()
    {
        var consortium = await factory.ReadyConsortium();

        await (await consortium.Lead.Client.PutJson($"/api/applications/{consortium.Id}/budget", new { lines = (object?)null })).ShouldBeInvalid("lines");
        await (await consortium.Lead.Client.PutJson($"/api/applications/{consortium.Id}/budget", new { lines = new object?[] { null } })).ShouldBeInvalid("lines[0]");
    }

    [Fact]
    public async Task Only_the_lead_sets_the_budget()
    {
        var consortium = await factory.ReadyConsortium();

        var response = await consortium.Partner.Client.PutBudget(consortium.Id, new BudgetLineInput(consortium.Partner.OrganisationId, 1, 200_000m));

        await response.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(100_000m, (await consortium.Partner.Client.Get(consortium.Id)).RequestedTotal);
    }
}
