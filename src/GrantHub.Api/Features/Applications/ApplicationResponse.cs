using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

public record ApplicationMemberResponse(Guid OrganisationId, string OrganisationName, ConsortiumRole Role, ConsortiumMemberStatus Status);

public record BudgetLineResponse(Guid OrganisationId, int Year, decimal Amount);

public record ApplicationResponse(
    Guid Id,
    Guid CallId,
    Guid LeadOrganisationId,
    string Title,
    string Summary,
    IReadOnlyList<Pillar> Pillars,
    IReadOnlyList<string> Countries,
    IReadOnlyList<TargetGroup> TargetGroups,
    int DurationMonths,
    ApplicationStatus Status,
    IReadOnlyList<ApplicationMemberResponse> Members,
    IReadOnlyList<BudgetLineResponse> Budget,
    decimal RequestedTotal,
    string Currency,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? WithdrawnAt,
    DateTimeOffset? DecidedAt,
    string? DecisionFeedback) : IHasId
{
    /// <summary>Members: the lead first, then partners in invitation order; budget lines in the same order, then by year.</summary>
    public static ApplicationResponse From(Application application, IReadOnlyDictionary<Guid, string> organisationNames)
    {
        var members = application.Members
            .OrderBy(m => m.Role)
            .ThenBy(m => m.InvitedAt)
            .ThenBy(m => m.OrganisationId)
            .ToList();
        var position = members.Select((m, index) => (m.OrganisationId, index)).ToDictionary(p => p.OrganisationId, p => p.index);
        return new ApplicationResponse(
            application.Id,
            application.CallId,
            application.LeadOrganisationId,
            application.Title,
            application.Summary,
            application.Pillars,
            application.Countries,
            application.TargetGroups,
            application.DurationMonths,
            application.Status,
            [.. members.Select(m => new ApplicationMemberResponse(m.OrganisationId, organisationNames[m.OrganisationId], m.Role, m.Status))],
            [
                .. application.BudgetLines
                    .OrderBy(l => position.GetValueOrDefault(l.OrganisationId, int.MaxValue))
                    .ThenBy(l => l.Year)
                    .Select(l => new BudgetLineResponse(l.OrganisationId, l.Year, l.Amount.Amount)),
            ],
            application.RequestedTotal.Amount,
            application.Currency,
            application.CreatedAt,
            application.SubmittedAt,
            application.WithdrawnAt,
            application.DecidedAt,
            application.DecisionFeedback);
    }
}

public static class ApplicationResponses
{
    /// <summary>
    /// An at-risk organisation's name is shown to a consortium only once the organisation has confirmed it
    /// belongs: inviting an organisation by its id must not reveal who it is.
    /// </summary>
    public const string UnconfirmedSensitiveOrganisationName = "(invited organisation)";

    public static async Task<ApplicationResponse> ToResponseAsync(this GrantHubDbContext db, Application application, Viewer viewer, CancellationToken cancellationToken) =>
        (await db.ToResponsesAsync([application], viewer, cancellationToken))[0];

    /// <summary>
    /// Each member is named as <see cref="Visibility.NameShownTo"/> says for this viewer; an at-risk organisation that has
    /// not confirmed is "(invited organisation)" to everyone outside it, not even its alias.
    /// </summary>
    public static async Task<IReadOnlyList<ApplicationResponse>> ToResponsesAsync(
        this GrantHubDbContext db, IReadOnlyList<Application> applications, Viewer viewer, CancellationToken cancellationToken)
    {
        var organisationIds = applications.SelectMany(a => a.Members).Select(m => m.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .Select(o => new OrganisationNaming(o.Id, o.Name, o.Alias, o.Sensitive))
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var mine = await viewer.OrganisationsAsync(cancellationToken);
        return [.. applications.Select(a => ApplicationResponse.From(a, a.Members.ToDictionary(
            m => m.OrganisationId,
            m => organisations[m.OrganisationId] is { Sensitive: true } && m.Status != ConsortiumMemberStatus.Confirmed && !mine.Contains(m.OrganisationId)
                ? UnconfirmedSensitiveOrganisationName
                : Visibility.NameShownTo(organisations[m.OrganisationId], mine, viewer, OrganisationNameUse.Everyday))))];
    }
}
