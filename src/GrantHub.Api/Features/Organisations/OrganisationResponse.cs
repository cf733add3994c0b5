using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Organisations;

public record OrganisationMemberResponse(Guid UserId, string Email, string DisplayName, MembershipRole Role, DateTimeOffset JoinedAt);

/// <summary>
/// An organisation as its members and overseeing staff see it. The due-diligence note is the donor's own
/// assessment and is shown to staff only; members see the status. <see cref="Version"/> is what an edit names as the
/// version it started from. <see cref="Name"/> is the name this viewer may read (<see cref="Visibility.NameShownTo"/>):
/// for an at-risk organisation, its legal name for its members and programme officers, else its alias; its registration
/// number only goes with its legal name.
/// </summary>
public record OrganisationResponse(
    Guid Id,
    string Name,
    string Country,
    OrganisationType Type,
    string? RegistrationNumber,
    decimal? AnnualBudget,
    bool WomenLed,
    bool Sensitive,
    DueDiligenceStatus DueDiligence,
    string? DueDiligenceNote,
    DateTimeOffset? DueDiligenceUpdatedAt,
    IReadOnlyList<OrganisationMemberResponse> Members,
    DateTimeOffset CreatedAt,
    long Version,
    string? Alias,
    bool Hidden) : IHasId
{
    public static OrganisationResponse From(
        Organisation organisation, IReadOnlyList<OrganisationMemberResponse> members, bool showDueDiligenceNote, ICurrentUser viewer) => new(
        organisation.Id,
        ShownName(organisation, viewer),
        organisation.Country,
        organisation.Type,
        ReadsLegalName(organisation, viewer) ? organisation.RegistrationNumber : null,
        organisation.AnnualBudget?.Amount,
        organisation.WomenLed,
        organisation.Sensitive,
        organisation.DueDiligence,
        showDueDiligenceNote ? organisation.DueDiligenceNote : null,
        organisation.DueDiligenceUpdatedAt,
        members,
        organisation.CreatedAt,
        organisation.Version,
        organisation.Alias,
        organisation.Hidden);

    private static string ShownName(Organisation organisation, ICurrentUser viewer) =>
        Visibility.NameShownTo(organisation.Naming(), MembershipOf(organisation, viewer), viewer, OrganisationNameUse.DueDiligence);

    private static bool ReadsLegalName(Organisation organisation, ICurrentUser viewer) =>
        Visibility.ReadsLegalName(organisation.Naming(), MembershipOf(organisation, viewer), viewer, OrganisationNameUse.DueDiligence);

    /// <summary>The organisation is loaded with its members: whether the viewer is one needs no other query.</summary>
    private static IReadOnlySet<Guid> MembershipOf(Organisation organisation, ICurrentUser viewer) =>
        viewer.Id is { } id && organisation.IsMember(id) ? new HashSet<Guid> { organisation.Id } : new HashSet<Guid>();
}

public static class OrganisationResponses
{
    public static async Task<OrganisationResponse> ToResponseAsync(
        this GrantHubDbContext db, Organisation organisation, ICurrentUser user, CancellationToken cancellationToken) =>
        (await db.ToResponsesAsync([organisation], user, cancellationToken))[0];

    /// <summary>Responses for organisations loaded with their members, in the same order, with one query for the accounts.</summary>
    public static async Task<IReadOnlyList<OrganisationResponse>> ToResponsesAsync(
        this GrantHubDbContext db, IReadOnlyList<Organisation> organisations, ICurrentUser user, CancellationToken cancellationToken)
    {
        var userIds = organisations.SelectMany(o => o.Members).Select(m => m.UserId).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var showNote = user.SeesAllApplicantData();
        return
        [
            .. organisations.Select(o => OrganisationResponse.From(
                o,
                [
                    .. o.Members
                        .OrderBy(m => m.Role)
                        .ThenBy(m => m.JoinedAt)
                        .Select(m => new OrganisationMemberResponse(
                            m.UserId, accounts[m.UserId].Email ?? "", accounts[m.UserId].DisplayName, m.Role, m.JoinedAt)),
                ],
                showNote,
                user)),
        ];
    }
}
