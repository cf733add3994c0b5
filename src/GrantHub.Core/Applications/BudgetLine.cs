namespace GrantHub.Core.Applications;

/// <summary>What one consortium member asks for in one grant year, in minor units of the application's currency.</summary>
public class BudgetLine
{
    private BudgetLine()
    {
    }

    public BudgetLine(Guid organisationId, int year, long amount)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        Year = year;
        Amount = amount;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int Year { get; private set; }
    public long Amount { get; private set; }
}
