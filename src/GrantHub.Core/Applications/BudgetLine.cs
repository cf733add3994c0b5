using GrantHub.Core.Common;

namespace GrantHub.Core.Applications;

/// <summary>What one consortium member asks for in one grant year, in the application's currency.</summary>
public class BudgetLine
{
    // A budget line is owned by its application, and EF cannot map a complex type inside an owned type: the line keeps
    // the two columns of its amount itself.
    private long amountMinorUnits;
    private string currency = "";

    private BudgetLine()
    {
    }

    public BudgetLine(Guid organisationId, int year, Money amount)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        Year = year;
        amountMinorUnits = amount.MinorUnits;
        currency = amount.Currency;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int Year { get; private set; }
    public Money Amount => new(amountMinorUnits, currency);
}
