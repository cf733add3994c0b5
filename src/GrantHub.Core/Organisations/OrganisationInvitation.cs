using GrantHub.Core.Common;

namespace GrantHub.Core.Organisations;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Revoked,
}

/// <summary>
/// Membership by consent: an owner invites an e-mail address; whoever holds an account with that address (now or
/// after registering later) accepts or declines; an owner may revoke it while it is pending. Pending → Accepted |
/// Declined | Revoked, each final. Staff accounts never join an applicant organisation.
/// </summary>
public class OrganisationInvitation : IVersioned
{
    public const int MaxEmailLength = 256;

    private OrganisationInvitation()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>The address as the owner typed it (trimmed), shown back to the organisation's owners.</summary>
    public string Email { get; private set; } = "";

    /// <summary>The address as ASP.NET Core Identity normalises it: what an account's e-mail is matched against.</summary>
    public string NormalizedEmail { get; private set; } = "";

    public MembershipRole Role { get; private set; }
    public InvitationStatus Status { get; private set; }
    public Guid InvitedBy { get; private set; }
    public DateTimeOffset InvitedAt { get; private set; }
    public Guid? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public long Version { get; set; }

    /// <summary>Only an owner invites; the caller has checked that the owner may see the organisation.</summary>
    public static OrganisationInvitation Create(
        Organisation organisation, Guid invitedBy, string email, string normalizedEmail, MembershipRole role, DateTimeOffset now)
    {
        if (!organisation.IsOwner(invitedBy))
        {
            throw new ForbiddenException("Only an owner of the organisation can invite members.");
        }

        // Two owners inviting the same address at once: one of them is retried and finds the other's invitation.
        organisation.Changed();
        return new OrganisationInvitation
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisation.Id,
            Email = email,
            NormalizedEmail = normalizedEmail,
            Role = role,
            Status = InvitationStatus.Pending,
            InvitedBy = invitedBy,
            InvitedAt = now,
        };
    }

    /// <summary>
    /// The invitee joins with the invited role. <paramref name="isStaff"/>: the account holds a staff role, and donor
    /// staff never belong to an applicant organisation (they would then decide on their own organisation's money).
    /// </summary>
    public void Accept(Organisation organisation, Guid userId, bool isStaff, DateTimeOffset now)
    {
        RequirePending();
        if (isStaff)
        {
            throw new BusinessRuleException("staff-account", "Staff accounts cannot join applicant organisations; accept with a personal applicant account.");
        }

        organisation.AddMember(userId, Role, now);
        Answer(InvitationStatus.Accepted, userId, now);
    }

    public void Decline(Guid userId, DateTimeOffset now)
    {
        RequirePending();
        Answer(InvitationStatus.Declined, userId, now);
    }

    public void Revoke(Guid ownerUserId, DateTimeOffset now)
    {
        RequirePending();
        Answer(InvitationStatus.Revoked, ownerUserId, now);
    }

    private void Answer(InvitationStatus status, Guid userId, DateTimeOffset now)
    {
        Status = status;
        AnsweredBy = userId;
        AnsweredAt = now;
    }

    private void RequirePending()
    {
        if (Status != InvitationStatus.Pending)
        {
            throw new BusinessRuleException("invitation-not-pending", $"This invitation is no longer pending: it was {Status.ToString().ToLowerInvariant()}.");
        }
    }
}
