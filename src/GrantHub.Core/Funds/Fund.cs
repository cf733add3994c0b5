using GrantHub.Core.Common;

namespace GrantHub.Core.Funds;

public enum FundKind
{
    CoreFunding,
    RapidResponse,
}

/// <summary>
/// A money envelope in one currency. Invariant, always: committed &lt;= budget and disbursed &lt;= committed.
/// Amounts are integer minor units of <see cref="Currency"/>.
/// </summary>
public class Fund : IVersioned
{
    private Fund()
    {
    }

    public Fund(string name, FundKind kind, string currency, long budget, long approvalThreshold, DateTimeOffset createdAt)
    {
        if (budget < 0 || approvalThreshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), "Amounts cannot be negative.");
        }

        Id = Guid.NewGuid();
        Name = name;
        Kind = kind;
        Currency = currency;
        Budget = budget;
        ApprovalThreshold = approvalThreshold;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public FundKind Kind { get; private set; }
    public string Currency { get; private set; } = "";
    public long Budget { get; private set; }
    public long Committed { get; private set; }
    public long Disbursed { get; private set; }

    /// <summary>Payments above this amount need two distinct finance approvals.</summary>
    public long ApprovalThreshold { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public long Version { get; set; }

    public long Available => Budget - Committed;

    /// <summary>Maker-checker for every payment from this fund: two distinct finance approvals above the approval threshold, else one.</summary>
    public int ApprovalsRequiredFor(long amount) => amount > ApprovalThreshold ? 2 : 1;

    /// <summary>A ceiling far above any real fund that keeps every sum of amounts clear of overflow.</summary>
    private static long MaxBudget => long.MaxValue / 4;

    public void TopUp(long amount)
    {
        RequirePositive(amount);
        if (amount > MaxBudget - Budget)
        {
            throw new BusinessRuleException("fund-budget-too-large", "A fund's budget cannot grow beyond what GrantHub can account for.");
        }

        Budget += amount;
    }

    /// <summary>Reserves money for an award, a top-up amendment or an approved emergency request.</summary>
    public void Commit(long amount)
    {
        RequirePositive(amount);
        if (amount > Available)
        {
            throw new BusinessRuleException(
                "fund-insufficient",
                $"The fund '{Name}' has {Money.FromMinorUnits(Available, Currency)} {Currency} available; " +
                $"{Money.FromMinorUnits(amount, Currency)} {Currency} cannot be committed.");
        }

        Committed += amount;
    }

    /// <summary>Returns committed but never-to-be-paid money (a terminated grant's unpaid remainder).</summary>
    public void Release(long amount)
    {
        RequirePositive(amount);
        if (amount > Committed - Disbursed)
        {
            throw new BusinessRuleException("fund-release-exceeds-commitment", "Cannot release more than is committed and unpaid.");
        }

        Committed -= amount;
    }

    public void Disburse(long amount)
    {
        RequirePositive(amount);
        if (amount > Committed - Disbursed)
        {
            throw new BusinessRuleException("fund-disbursement-exceeds-commitment", "Cannot disburse more than is committed.");
        }

        Disbursed += amount;
    }

    private static void RequirePositive(long amount)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "Amounts must be positive.");
        }
    }
}
