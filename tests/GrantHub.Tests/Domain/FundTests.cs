using GrantHub.Core.Common;
using GrantHub.Core.Funds;

namespace GrantHub.Tests.Domain;

public class FundTests
{
    private static Fund NewFund(long budget = 1_000) => new("Fund", FundKind.CoreFunding, "EUR", budget, 0, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Commitment_up_to_the_available_amount_succeeds()
    {
        var fund = NewFund();

        fund.Commit(600);
        fund.Commit(400);

        Assert.Equal(1_000, fund.Committed);
        Assert.Equal(0, fund.Available);
    }

    [Fact]
    public void Commitment_beyond_the_available_amount_is_refused_and_changes_nothing()
    {
        var fund = NewFund();
        fund.Commit(900);

        var refused = Assert.Throws<BusinessRuleException>(() => fund.Commit(101));

        Assert.Equal("fund-insufficient", refused.Rule);
        Assert.Equal(900, fund.Committed);
    }

    [Fact]
    public void Disbursement_cannot_exceed_what_is_committed()
    {
        var fund = NewFund();
        fund.Commit(300);
        fund.Disburse(200);

        Assert.Throws<BusinessRuleException>(() => fund.Disburse(101));
        Assert.Equal(200, fund.Disbursed);
    }

    [Fact]
    public void Release_returns_unpaid_commitment_to_the_available_budget()
    {
        var fund = NewFund();
        fund.Commit(500);
        fund.Disburse(200);

        fund.Release(300);

        Assert.Equal(200, fund.Committed);
        Assert.Equal(800, fund.Available);
        Assert.Throws<BusinessRuleException>(() => fund.Release(1));
    }

    [Fact]
    public void Budget_cannot_grow_beyond_what_can_be_accounted_for()
    {
        var fund = NewFund(long.MaxValue / 4);

        Assert.Equal("fund-budget-too-large", Assert.Throws<BusinessRuleException>(() => fund.TopUp(1)).Rule);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Non_positive_amounts_are_refused(long amount)
    {
        var fund = NewFund();

        Assert.Throws<ArgumentOutOfRangeException>(() => fund.Commit(amount));
        Assert.Throws<ArgumentOutOfRangeException>(() => fund.TopUp(amount));
    }
}
