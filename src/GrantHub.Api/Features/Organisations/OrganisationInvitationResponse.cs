using GrantHub.Core.Organisations;

namespace GrantHub.Api.Features.Organisations;

/// <summary>An invitation as its organisation's owners see it. The same whether or not the e-mail has an account.</summary>
public record OrganisationInvitationResponse(
    Guid Id,
    Guid OrganisationId,
    string Email,
    MembershipRole Role,
    InvitationStatus Status,
    DateTimeOffset InvitedAt,
    DateTimeOffset? AnsweredAt)
{
    public static OrganisationInvitationResponse From(OrganisationInvitation invitation) => new(
        invitation.Id,
        invitation.OrganisationId,
        invitation.Email,
        invitation.Role,
        invitation.Status,
        invitation.InvitedAt,
        invitation.AnsweredAt);
}

/// <summary>An invitation as the invitee sees it: which organisation, in which role.</summary>
public record MyInvitationResponse(
    Guid Id,
    Guid OrganisationId,
    string OrganisationName,
    string OrganisationCountry,
    MembershipRole Role,
    InvitationStatus Status,
    DateTimeOffset InvitedAt);
