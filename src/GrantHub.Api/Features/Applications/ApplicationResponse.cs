using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

/// <summary>
/// A consortium member: its own allocation per grant year (every year of the project, zero where it has no line), the
/// fingerprint of that allocation a partner names when it confirms, and, while a budget change has sent a partner back
/// to awaiting confirmation, which years changed.
/// </summary>
public record ApplicationMemberResponse(
    Guid OrganisationId,
    string OrganisationName,
    ConsortiumRole Role,
    ConsortiumMemberStatus Status,
    IReadOnlyList<AllocationYearResponse> Allocation,
    string BudgetFingerprint,
    ConfirmationResetResponse? ConfirmationReset);

public record AllocationYearResponse(int Year, decimal Amount);

/// <summary>The registered organisation an unregistered lead applies through, its fee and its answer.</summary>
public record ApplicationFiscalHostResponse(Guid OrganisationId, string OrganisationName, decimal FeePercent, FiscalHostConsent Consent, DateTimeOffset? AnsweredAt);

/// <summary>Why a partner awaits confirmation again: when the budget changed and each year of its share that changed (null: no line).</summary>
public record ConfirmationResetResponse(DateTimeOffset At, IReadOnlyList<BudgetYearChangeResponse> Changes);

public record BudgetYearChangeResponse(int Year, decimal? PreviousAmount, decimal? NewAmount);

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
    string? DecisionFeedback,
    ApplicationFiscalHostResponse? FiscalHost = null) : IHasId
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
            [.. members.Select(m => MemberResponse(application, m, organisationNames[m.OrganisationId]))],
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
            application.DecisionFeedback,
            application.FiscalHostOrganisationId is { } hostId
                ? new ApplicationFiscalHostResponse(
                    hostId,
                    organisationNames[hostId],
                    FiscalHostFees.ToPercent(application.FiscalHostFeeBasisPoints!.Value),
                    application.FiscalHostConsent!.Value,
                    application.FiscalHostAnsweredAt)
                : null);
    }

    private static ApplicationMemberResponse MemberResponse(Application application, ApplicationMember member, string name)
    {
        var lines = application.BudgetLines.Where(l => l.OrganisationId == member.OrganisationId).ToDictionary(l => l.Year, l => l.Amount.Amount);
        decimal? AmountOf(long? minorUnits) => minorUnits is { } units ? Money.FromMinorUnits(units, application.Currency) : null;
        return new ApplicationMemberResponse(
            member.OrganisationId,
            name,
            member.Role,
            member.Status,
            [.. Enumerable.Range(1, application.GrantYears).Select(year => new AllocationYearResponse(year, lines.GetValueOrDefault(year)))],
            application.BudgetFingerprint(member.OrganisationId),
            member.ConfirmationResetAt is { } at
                ? new ConfirmationResetResponse(at, [.. member.ConfirmationResetBy.Select(c => new BudgetYearChangeResponse(c.Year, AmountOf(c.PreviousMinorUnits), AmountOf(c.NewMinorUnits)))])
                : null);
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
        var organisationIds = applications.SelectMany(a => a.Members).Select(m => m.OrganisationId)
            .Concat(applications.Where(a => a.FiscalHostOrganisationId is not null).Select(a => a.FiscalHostOrganisationId!.Value))
            .Distinct()
            .ToList();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .Select(o => new OrganisationNaming(o.Id, o.Name, o.Alias, o.Sensitive))
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var mine = await viewer.OrganisationsAsync(cancellationToken);
        return [.. applications.Select(a =>
        {
            var names = a.Members.ToDictionary(
                m => m.OrganisationId,
                m => organisations[m.OrganisationId] is { Sensitive: true } && m.Status != ConsortiumMemberStatus.Confirmed && !mine.Contains(m.OrganisationId)
                    ? UnconfirmedSensitiveOrganisationName
                    : Visibility.NameShownTo(organisations[m.OrganisationId], mine, viewer, OrganisationNameUse.Everyday));
            if (a.FiscalHostOrganisationId is { } hostId)
            {
                names.TryAdd(hostId, Visibility.NameShownTo(organisations[hostId], mine, viewer, OrganisationNameUse.Everyday));
            }

            return ApplicationResponse.From(a, names);
        })];
    }
}
