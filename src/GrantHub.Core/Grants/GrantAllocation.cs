namespace GrantHub.Core.Grants;

/// <summary>A consortium member's share of a grant, in the grant's currency's minor units.</summary>
public class GrantAllocation
{
    private GrantAllocation()
    {
    }

    internal GrantAllocation(Guid grantId, Guid organisationId, long amount)
    {
        GrantId = grantId;
        OrganisationId = organisationId;
        Amount = amount;
    }

    public Guid GrantId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public long Amount { get; private set; }

    internal void Increase(long amount) => Amount = checked(Amount + amount);
}
