using GrantHub.Core.Common;
using GrantHub.Core.Funds;

using static GrantHub.Tests.Infrastructure.Amounts;

namespace GrantHub.Tests.Domain;

public class FundTests
{
    private static Fund NewFund(long budget = 1_000) => new("Fund", FundKind.CoreFunding, EuroCents(budget), EuroCents(0), DateTimeOffset.UnixEpoch);

    [Fact]
    public void Commitment_up_to_the_available_amount_succeeds()
    {
        var fund = NewFund();

        fund.Commit(EuroCents(600));
        fund.Commit(EuroCents(400));

        Assert.Equal(EuroCents(1_000), fund.Committed);
        Assert.Equal(EuroCents(0), fund.Available);
    }

    [Fact]
    public void Commitment_beyond_the_available_amount_is_refused_and_changes_nothing()
    {
        var fund = NewFund();
        fund.Commit(EuroCents(900));

        var refused = Assert.Throws<BusinessRuleException>(() => fund.Commit(EuroCents(101)));

        Assert.Equal("fund-insufficient", refused.Rule);
        Assert.Equal(EuroCents(900), fund.Committed);
    }

    [Fact]
    public void Disbursement_cannot_exceed_what_is_committed()
    {
        var fund = NewFund();
        fund.Commit(EuroCents(300));
        fund.Disburse(EuroCents(200));

        Assert.Throws<BusinessRuleException>(() => fund.Disburse(EuroCents(101)));
        Assert.Equal(EuroCents(200), fund.Disbursed);
    }

    [Fact]
    public void Release_returns_unpaid_commitment_to_the_available_budget()
    {
        var fund = NewFund();
        fund.Commit(EuroCents(500));
        fund.Disburse(EuroCents(200));

        fund.Release(EuroCents(300));

        Assert.Equal(EuroCents(200), fund.Committed);
        Assert.Equal(EuroCents(800), fund.Available);
        Assert.Throws<BusinessRuleException>(() => fund.Release(EuroCents(1)));
    }

    [Fact]
    public void Budget_cannot_grow_beyond_what_can_be_accounted_for()
    {
        var fund = NewFund(long.MaxValue / 4);

        Assert.Equal("fund-budget-too-large", Assert.Throws<BusinessRuleException>(() => fund.TopUp(EuroCents(1))).Rule);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Non_positive_amounts_are_refused(long amount)
    {
        var fund = NewFund();

        Assert.Throws<ArgumentOutOfRangeException>(() => fund.Commit(EuroCents(amount)));
        Assert.Throws<ArgumentOutOfRangeException>(() => fund.TopUp(EuroCents(amount)));
    }
}
