using GrantHub.Core.Common;

namespace GrantHub.Core.Funds;

public enum FundKind
{
    CoreFunding,
    RapidResponse,
}

/// <summary>
/// A money envelope in one currency. Invariant, always: committed &lt;= budget and disbursed &lt;= committed.
/// Every amount is in <see cref="Currency"/>.
/// </summary>
public class Fund : IVersioned
{
    private Fund()
    {
    }

    public Fund(string name, FundKind kind, Money budget, Money approvalThreshold, DateTimeOffset createdAt)
    {
        if (budget.IsNegative || approvalThreshold.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), "Amounts cannot be negative.");
        }

        if (approvalThreshold.Currency != budget.Currency)
        {
            throw new ArgumentException("The approval threshold is in the fund's currency.", nameof(approvalThreshold));
        }

        Id = Guid.NewGuid();
        Name = name;
        Kind = kind;
        Currency = budget.Currency;
        Budget = budget;
        Committed = Money.Zero(Currency);
        Disbursed = Money.Zero(Currency);
        ApprovalThreshold = approvalThreshold;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public FundKind Kind { get; private set; }
    public string Currency { get; private set; } = "";
    public Money Budget { get; private set; }
    public Money Committed { get; private set; }
    public Money Disbursed { get; private set; }

    /// <summary>Payments above this amount need two distinct finance approvals.</summary>
    public Money ApprovalThreshold { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public long Version { get; set; }

    public Money Available => Budget - Committed;

    /// <summary>Maker-checker for every payment from this fund: two distinct finance approvals above the approval threshold, else one.</summary>
    public int ApprovalsRequiredFor(Money amount) => amount > ApprovalThreshold ? 2 : 1;

    /// <summary>A ceiling far above any real fund that keeps every sum of amounts clear of overflow.</summary>
    private static long MaxBudget => long.MaxValue / 4;

    public void TopUp(Money amount)
    {
        RequirePositive(amount);
        if (amount.MinorUnits > MaxBudget - Budget.MinorUnits)
        {
            throw new BusinessRuleException("fund-budget-too-large", "A fund's budget cannot grow beyond what GrantHub can account for.");
        }

        Budget += amount;
    }

    /// <summary>Reserves money for an award, a top-up amendment or an approved emergency request.</summary>
    public void Commit(Money amount)
    {
        RequirePositive(amount);
        if (amount > Available)
        {
            throw new BusinessRuleException(
                "fund-insufficient",
                $"The fund '{Name}' has {Available.Amount} {Currency} available; {amount.Amount} {Currency} cannot be committed.");
        }

        Committed += amount;
    }

    /// <summary>Returns committed but never-to-be-paid money (a terminated grant's unpaid remainder).</summary>
    public void Release(Money amount)
    {
        RequirePositive(amount);
        if (amount > Committed - Disbursed)
        {
            throw new BusinessRuleException("fund-release-exceeds-commitment", "Cannot release more than is committed and unpaid.");
        }

        Committed -= amount;
    }

    public void Disburse(Money amount)
    {
        RequirePositive(amount);
        if (amount > Committed - Disbursed)
        {
            throw new BusinessRuleException("fund-disbursement-exceeds-commitment", "Cannot disburse more than is committed.");
        }

        Disbursed += amount;
    }

    private void RequirePositive(Money amount)
    {
        if (amount.Currency != Currency)
        {
            throw new ArgumentException($"The fund holds {Currency}, not {amount.Currency}.", nameof(amount));
        }

        if (!amount.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "Amounts must be positive.");
        }
    }
}
