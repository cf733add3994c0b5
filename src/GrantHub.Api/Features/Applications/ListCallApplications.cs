using FluentValidation;
using GrantHub.Api.Features.Reviews;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Reviews;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

/// <summary>How an officer orders a call's applications; <c>Newest</c> is by submission (or creation) time.</summary>
public enum ApplicationTableSort
{
    Newest,
    ScoreHighest,
    ScoreLowest,
    AmountHighest,
    AmountLowest,
}

/// <summary>
/// A call's applications as an officer's table: filtered by status, country of the work, pillar, target group and
/// whether the lead organisation is women-led; sorted by mean review score or requested amount; paged.
/// </summary>
public record ListCallApplicationsQuery(
    Guid CallId,
    ApplicationStatus? Status = null,
    string? Country = null,
    Pillar? Pillar = null,
    TargetGroup? TargetGroup = null,
    bool? WomenLed = null,
    ApplicationTableSort Sort = ApplicationTableSort.Newest,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<PagedResponse<CallApplicationRow>>, IPagedQuery;

/// <summary>
/// One row of the table. <c>score</c>: mean weighted score of the submitted reviews (0–100, two decimals), null without
/// any; the lead organisation is named as <see cref="Visibility.NameShownTo"/> says (an at-risk one by its alias).
/// </summary>
public record CallApplicationRow(
    Guid ApplicationId,
    string Title,
    Guid LeadOrganisationId,
    string LeadOrganisationName,
    bool LeadOrganisationSensitive,
    string LeadCountry,
    bool WomenLed,
    IReadOnlyList<string> Countries,
    IReadOnlyList<Pillar> Pillars,
    IReadOnlyList<TargetGroup> TargetGroups,
    ApplicationStatus Status,
    decimal RequestedTotal,
    string Currency,
    decimal? Score,
    int ReviewCount,
    DateTimeOffset? SubmittedAt);

public sealed class ListCallApplicationsValidator : AbstractValidator<ListCallApplicationsQuery>
{
    public ListCallApplicationsValidator()
    {
        this.ValidPaging();
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Pillar).IsInEnum();
        RuleFor(q => q.TargetGroup).IsInEnum();
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.Country).Length(2).Matches("^[A-Za-z]{2}$").When(q => !string.IsNullOrEmpty(q.Country))
            .WithMessage("Give a country as its two-letter ISO 3166 code.");
    }
}

/// <summary>
/// A call has at most a few hundred applications. Filtering and sorting read what they need of every one (id, lead,
/// amount, dates, and the list columns only when a list filter is given) and are done in memory, which list-valued
/// columns (countries, pillars, target groups) make simpler and equally portable across SQLite and SQL Server; the
/// page's rows alone are then read whole, with their leads and the leads' names.
/// </summary>
public sealed class ListCallApplicationsHandler(GrantHubDbContext db, Viewer viewer)
    : IQueryHandler<ListCallApplicationsQuery, PagedResponse<CallApplicationRow>>
{
    public async ValueTask<PagedResponse<CallApplicationRow>> Handle(ListCallApplicationsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Calls.AnyAsync(c => c.Id == query.CallId, cancellationToken))
        {
            throw new NotFoundException(nameof(Call), query.CallId);
        }

        var applications = db.Applications.AsNoTracking().VisibleTo(viewer)
            .Where(a => a.CallId == query.CallId && (query.Status == null || a.Status == query.Status));
        var country = query.Country?.ToUpperInvariant();
        var candidates = await (country != null || query.Pillar != null || query.TargetGroup != null
                ? applications.Select(a => new CallApplicationCandidate(
                    a.Id, a.LeadOrganisationId, a.RequestedTotal.MinorUnits, a.Currency, a.SubmittedAt ?? a.CreatedAt, a.Countries, a.Pillars, a.TargetGroups))
                : applications.Select(a => new CallApplicationCandidate(
                    a.Id, a.LeadOrganisationId, a.RequestedTotal.MinorUnits, a.Currency, a.SubmittedAt ?? a.CreatedAt, null, null, null)))
            .ToListAsync(cancellationToken);
        var reviews = await db.ReviewAssignments.AsNoTracking()
            .Where(r => r.CallId == query.CallId && r.Status == ReviewStatus.Submitted)
            .GroupBy(r => r.ApplicationId)
            .Select(g => new { ApplicationId = g.Key, Count = g.Count(), Mean = g.Average(r => r.WeightedScore) })
            .ToDictionaryAsync(g => g.ApplicationId, cancellationToken);
        IReadOnlySet<Guid>? leadsAsFiltered = null;
        if (query.WomenLed is { } womenLed)
        {
            var leadIds = candidates.Select(a => a.LeadOrganisationId).Distinct().ToList();
            leadsAsFiltered = (await db.Organisations.Where(o => leadIds.Contains(o.Id) && o.WomenLed == womenLed).Select(o => o.Id)
                .ToListAsync(cancellationToken)).ToHashSet();
        }

        var rows = candidates
            .Select(a => (Application: a, Score: ReviewResponses.Rounded(reviews.GetValueOrDefault(a.Id)?.Mean),
                ReviewCount: reviews.GetValueOrDefault(a.Id)?.Count ?? 0))
            .Where(r => country == null || r.Application.Countries!.Contains(country))
            .Where(r => query.Pillar == null || r.Application.Pillars!.Contains(query.Pillar.Value))
            .Where(r => query.TargetGroup == null || r.Application.TargetGroups!.Contains(query.TargetGroup.Value))
            .Where(r => leadsAsFiltered == null || leadsAsFiltered.Contains(r.Application.LeadOrganisationId));

        var sorted = (query.Sort switch
            {
                ApplicationTableSort.ScoreHighest => rows.OrderBy(r => r.Score is null).ThenByDescending(r => r.Score),
                ApplicationTableSort.ScoreLowest => rows.OrderBy(r => r.Score is null).ThenBy(r => r.Score),
                ApplicationTableSort.AmountHighest => rows.OrderByDescending(r => r.Application.RequestedTotal.Amount),
                ApplicationTableSort.AmountLowest => rows.OrderBy(r => r.Application.RequestedTotal.Amount),
                _ => rows.OrderByDescending(r => r.Application.SubmittedOrCreatedAt),
            })
            .ThenBy(r => r.Application.Id)
            .ToList();
        var page = sorted.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();

        var pageIds = page.Select(r => r.Application.Id).ToList();
        var shown = await db.Applications.AsNoTracking()
            .Where(a => pageIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Countries, a.Pillars, a.TargetGroups, a.Status, a.Currency, a.SubmittedAt })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var pageLeadIds = page.Select(r => r.Application.LeadOrganisationId).Distinct().ToList();
        var leads = await db.Organisations.AsNoTracking()
            .Where(o => pageLeadIds.Contains(o.Id))
            .Select(o => new { Naming = new OrganisationNaming(o.Id, o.Name, o.Alias, o.Sensitive), o.Country, o.WomenLed })
            .ToDictionaryAsync(o => o.Naming.Id, cancellationToken);
        var mine = await viewer.OrganisationsAsync(cancellationToken);
        return new PagedResponse<CallApplicationRow>(
            [
                .. page.Select(r =>
                {
                    var application = shown[r.Application.Id];
                    var lead = leads[r.Application.LeadOrganisationId];
                    return new CallApplicationRow(
                        application.Id, application.Title, lead.Naming.Id,
                        Visibility.NameShownTo(lead.Naming, mine, viewer, OrganisationNameUse.Everyday),
                        lead.Naming.Sensitive, lead.Country, lead.WomenLed, application.Countries, application.Pillars, application.TargetGroups,
                        application.Status, r.Application.RequestedTotal.Amount, application.Currency, r.Score, r.ReviewCount, application.SubmittedAt);
                }),
            ],
            query.Page,
            query.PageSize,
            sorted.Count);
    }

    /// <summary>
    /// What filtering and sorting a call's applications read of each one; the list columns only when a list filter is
    /// given. The amount is read as its columns: a projected <see cref="Money"/> (an EF complex type) makes EF read the
    /// whole application.
    /// </summary>
    private sealed record CallApplicationCandidate(
        Guid Id,
        Guid LeadOrganisationId,
        long RequestedMinorUnits,
        string Currency,
        DateTimeOffset SubmittedOrCreatedAt,
        List<string>? Countries,
        List<Pillar>? Pillars,
        List<TargetGroup>? TargetGroups)
    {
        public Money RequestedTotal => new(RequestedMinorUnits, Currency);
    }
}
