using GrantHub.Core.Common;

namespace GrantHub.Core.Grants;

/// <summary>A consortium member's share of a grant, in the grant's currency.</summary>
public class GrantAllocation
{
    private GrantAllocation()
    {
    }

    internal GrantAllocation(Guid grantId, Guid organisationId, Money amount)
    {
        GrantId = grantId;
        OrganisationId = organisationId;
        Amount = amount;
    }

    public Guid GrantId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Money Amount { get; private set; }

    internal void Increase(Money amount) => Amount += amount;
}
