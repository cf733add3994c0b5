using GrantHub.Core.Common;

namespace GrantHub.Core.Organisations;

public enum OrganisationType
{
    WomensRightsOrganisation,
    WomensFund,
    Network,
    CommunityGroup,
    NonGovernmentalOrganisation,
    Other,
}

public enum DueDiligenceStatus
{
    NotStarted,
    Cleared,
    Failed,
}

public enum MembershipRole
{
    Owner,
    Member,
}

/// <summary>
/// A women's rights organisation or group. <see cref="Sensitive"/> marks an organisation at risk:
/// it is never published and its identifying fields are redacted in exports and logs.
/// </summary>
public class Organisation : IVersioned
{
    /// <summary>Annual budgets are compared across countries in one currency.</summary>
    public const string BudgetCurrency = "USD";

    public const int MaxAliasLength = 120;

    private readonly List<OrganisationMember> _members = [];

    // EF cannot map an optional complex type of a value type; the currency is always BudgetCurrency.
    private long? annualBudgetUsdMinorUnits;

    private Organisation()
    {
    }

    public Organisation(
        string name,
        string country,
        OrganisationType type,
        string? registrationNumber,
        Money? annualBudget,
        bool womenLed,
        bool sensitive,
        Guid ownerUserId,
        DateTimeOffset createdAt)
    {
        if (annualBudget is { IsNegative: true })
        {
            throw new ArgumentOutOfRangeException(nameof(annualBudget), "An annual budget cannot be negative.");
        }

        if (annualBudget is { } budget && budget.Currency != BudgetCurrency)
        {
            throw new ArgumentException($"Annual budgets are in {BudgetCurrency}.", nameof(annualBudget));
        }

        Id = Guid.NewGuid();
        Name = name;
        Country = country;
        Type = type;
        RegistrationNumber = registrationNumber;
        annualBudgetUsdMinorUnits = annualBudget?.MinorUnits;
        WomenLed = womenLed;
        Sensitive = sensitive;
        CreatedAt = createdAt;
        _members.Add(new OrganisationMember(Id, ownerUserId, MembershipRole.Owner, createdAt));
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Country { get; private set; } = "";
    public OrganisationType Type { get; private set; }
    public string? RegistrationNumber { get; private set; }

    /// <summary>Annual budget in <see cref="BudgetCurrency"/>, for comparability across countries; optional.</summary>
    public Money? AnnualBudget => annualBudgetUsdMinorUnits is { } minorUnits ? new Money(minorUnits, BudgetCurrency) : null;

    public bool WomenLed { get; private set; }
    public bool Sensitive { get; private set; }
    public DueDiligenceStatus DueDiligence { get; private set; }
    public string? DueDiligenceNote { get; private set; }
    public DateTimeOffset? DueDiligenceUpdatedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public long Version { get; set; }

    /// <summary>The working name an at-risk organisation is shown by to everyone but its members and the staff who need its legal name.</summary>
    public string? Alias { get; private set; }

    /// <summary>
    /// Hidden by the panic switch (<see cref="Hide"/>): treated as at risk, and every e-mail about it carries only a link.
    /// </summary>
    public bool Hidden { get; private set; }

    public DateTimeOffset? HiddenAt { get; private set; }

    /// <summary>
    /// A submission led by this organisation, or an emergency approval within its allowance, is taken on its state
    /// without otherwise changing it. Bumping the version makes such a unit of work conflict with a concurrent change
    /// to this organisation, so the loser is retried on fresh state.
    /// </summary>
    internal void Changed() => Version++;

    public IReadOnlyCollection<OrganisationMember> Members => _members;

    public bool IsOwner(Guid userId) => _members.Any(m => m.UserId == userId && m.Role == MembershipRole.Owner);

    public bool IsMember(Guid userId) => _members.Any(m => m.UserId == userId);

    /// <summary>
    /// The name to use in messages that travel outside the system (notification subjects and bodies, e-mail):
    /// an at-risk organisation is never named there, only described by <paramref name="placeholder"/>.
    /// </summary>
    public string NameInMessages(string placeholder) => Sensitive ? placeholder : Name;

    /// <summary>The owners set or clear the working alias; a blank alias is no alias.</summary>
    public void ChangeAlias(string? alias) => Alias = string.IsNullOrWhiteSpace(alias) ? null : alias.Trim();

    /// <summary>
    /// The panic switch: the organisation is marked at risk and hidden. Hiding again changes nothing (the first instant stays).
    /// </summary>
    public void Hide(DateTimeOffset now)
    {
        if (Hidden)
        {
            return;
        }

        Hidden = true;
        HiddenAt = now;
        Sensitive = true;
    }

    /// <summary>Ends the hiding; the organisation stays marked at risk until its owners decide otherwise.</summary>
    public void Reveal()
    {
        if (!Hidden)
        {
            throw new BusinessRuleException("organisation-not-hidden", "This organisation is not hidden.");
        }

        Hidden = false;
        HiddenAt = null;
    }

    public OrganisationMember AddMember(Guid userId, MembershipRole role, DateTimeOffset now)
    {
        if (IsMember(userId))
        {
            throw new BusinessRuleException("organisation-member-exists", "This user is already a member of the organisation.");
        }

        var member = new OrganisationMember(Id, userId, role, now);
        _members.Add(member);
        return member;
    }

    /// <summary>
    /// The owners correct or complete the profile. Marking the organisation at risk (or no longer at risk) is theirs to
    /// decide; the due-diligence finding and the members are not part of the profile.
    /// </summary>
    public void UpdateProfile(string name, string country, OrganisationType type, string? registrationNumber, Money? annualBudget, bool womenLed, bool sensitive)
    {
        if (annualBudget is { IsNegative: true })
        {
            throw new ArgumentOutOfRangeException(nameof(annualBudget), "An annual budget cannot be negative.");
        }

        if (annualBudget is { } budget && budget.Currency != BudgetCurrency)
        {
            throw new ArgumentException($"Annual budgets are in {BudgetCurrency}.", nameof(annualBudget));
        }

        if (Hidden && !sensitive)
        {
            throw new BusinessRuleException("organisation-hidden", "A hidden organisation stays marked at risk: ask a programme officer to end the hiding first.");
        }

        Name = name;
        Country = country;
        Type = type;
        RegistrationNumber = registrationNumber;
        annualBudgetUsdMinorUnits = annualBudget?.MinorUnits;
        WomenLed = womenLed;
        Sensitive = sensitive;
    }

    /// <summary>
    /// A member whose account is erased leaves. The last owner cannot leave members behind without an owner: she first
    /// invites another owner. Alone, she may leave: the organisation and its records stay.
    /// </summary>
    public void RemoveErasedMember(Guid userId)
    {
        var member = _members.SingleOrDefault(m => m.UserId == userId);
        if (member is null)
        {
            return;
        }

        if (member.Role == MembershipRole.Owner && _members.Count(m => m.Role == MembershipRole.Owner) == 1 && _members.Count > 1)
        {
            throw new BusinessRuleException(
                "last-owner",
                "You are the last owner of an organisation that has other members: invite another owner, and let her accept, before erasing your account.");
        }

        _members.Remove(member);
    }

    /// <summary>A programme officer's finding. A failed check must say why.</summary>
    public void RecordDueDiligence(DueDiligenceStatus status, string? note, DateTimeOffset now)
    {
        if (status == DueDiligenceStatus.Failed && string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("A failed due diligence needs a note.", nameof(note));
        }

        DueDiligence = status;
        DueDiligenceNote = note;
        DueDiligenceUpdatedAt = now;
    }
}

public class OrganisationMember
{
    private OrganisationMember()
    {
    }

    internal OrganisationMember(Guid organisationId, Guid userId, MembershipRole role, DateTimeOffset joinedAt)
    {
        OrganisationId = organisationId;
        UserId = userId;
        Role = role;
        JoinedAt = joinedAt;
    }

    public Guid OrganisationId { get; private set; }
    public Guid UserId { get; private set; }
    public MembershipRole Role { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }
}
