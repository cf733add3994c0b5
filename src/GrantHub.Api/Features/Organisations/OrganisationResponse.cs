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
/// version it started from.
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
    long Version) : IHasId
{
    public static OrganisationResponse From(Organisation organisation, IReadOnlyList<OrganisationMemberResponse> members, bool showDueDiligenceNote) => new(
        organisation.Id,
        organisation.Name,
        organisation.Country,
        organisation.Type,
        organisation.RegistrationNumber,
        organisation.AnnualBudget?.Amount,
        organisation.WomenLed,
        organisation.Sensitive,
        organisation.DueDiligence,
        showDueDiligenceNote ? organisation.DueDiligenceNote : null,
        organisation.DueDiligenceUpdatedAt,
        members,
        organisation.CreatedAt,
        organisation.Version);
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
                showNote)),
        ];
    }
}
