namespace GrantHub.Core.Applications;

public enum ConsortiumRole
{
    Lead,
    Partner,
}

/// <summary>The lead is always Confirmed; a partner is Invited by the lead, then Confirmed or Declined by itself.</summary>
public enum ConsortiumMemberStatus
{
    Invited,
    Confirmed,
    Declined,
}

/// <summary>One organisation's place in a consortium application.</summary>
public class ApplicationMember
{
    private ApplicationMember()
    {
    }

    private ApplicationMember(Guid organisationId, ConsortiumRole role, ConsortiumMemberStatus status, DateTimeOffset invitedAt)
    {
        OrganisationId = organisationId;
        Role = role;
        Status = status;
        InvitedAt = invitedAt;
    }

    public Guid OrganisationId { get; private set; }
    public ConsortiumRole Role { get; private set; }
    public ConsortiumMemberStatus Status { get; private set; }
    public DateTimeOffset InvitedAt { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }

    /// <summary>When a budget change touched this partner's confirmed share and sent it back to awaiting confirmation.</summary>
    public DateTimeOffset? ConfirmationResetAt { get; private set; }

    /// <summary>
    /// Why the partner awaits confirmation again: each year of its share that differs from what it confirmed. Empty when
    /// it was never reset, or once it confirms again.
    /// </summary>
    public IReadOnlyList<BudgetYearChange> ConfirmationResetBy { get; private set; } = [];

    internal static ApplicationMember Lead(Guid organisationId, DateTimeOffset now) =>
        new(organisationId, ConsortiumRole.Lead, ConsortiumMemberStatus.Confirmed, now) { RespondedAt = now };

    internal static ApplicationMember InvitedPartner(Guid organisationId, DateTimeOffset now) =>
        new(organisationId, ConsortiumRole.Partner, ConsortiumMemberStatus.Invited, now);

    internal void Reinvite(DateTimeOffset now)
    {
        Status = ConsortiumMemberStatus.Invited;
        InvitedAt = now;
        RespondedAt = null;
        ConfirmationResetAt = null;
        ConfirmationResetBy = [];
    }

    internal void Respond(ConsortiumMemberStatus answer, DateTimeOffset now)
    {
        Status = answer;
        RespondedAt = now;
        ConfirmationResetAt = null;
        ConfirmationResetBy = [];
    }

    /// <summary>Back to awaiting confirmation, because the years in <paramref name="changes"/> are no longer what it confirmed.</summary>
    internal void ResetConfirmation(IReadOnlyList<BudgetYearChange> changes, DateTimeOffset now)
    {
        Status = ConsortiumMemberStatus.Invited;
        RespondedAt = null;
        ConfirmationResetAt = now;
        ConfirmationResetBy = [.. changes];
    }
}
