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

    internal static ApplicationMember Lead(Guid organisationId, DateTimeOffset now) =>
        new(organisationId, ConsortiumRole.Lead, ConsortiumMemberStatus.Confirmed, now) { RespondedAt = now };

    internal static ApplicationMember InvitedPartner(Guid organisationId, DateTimeOffset now) =>
        new(organisationId, ConsortiumRole.Partner, ConsortiumMemberStatus.Invited, now);

    internal void Reinvite(DateTimeOffset now)
    {
        Status = ConsortiumMemberStatus.Invited;
        InvitedAt = now;
        RespondedAt = null;
    }

    internal void Respond(ConsortiumMemberStatus answer, DateTimeOffset now)
    {
        Status = answer;
        RespondedAt = now;
    }
}
