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
/// A call has at most a few hundred applications: they are read in three queries (applications, lead organisations,
/// review means) and filtered, sorted and paged in memory, which list-valued columns (countries, pillars, target groups)
/// make simpler and equally portable across SQLite and SQL Server.
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

        var applications = await db.Applications.AsNoTracking().VisibleTo(viewer)
            .Where(a => a.CallId == query.CallId && (query.Status == null || a.Status == query.Status))
            .Select(a => new
            {
                a.Id, a.Title, a.LeadOrganisationId, a.Countries, a.Pillars, a.TargetGroups, a.Status,
                a.RequestedTotal, a.Currency, a.SubmittedAt, a.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        var leadIds = applications.Select(a => a.LeadOrganisationId).Distinct().ToList();
        // The filters and sorts never read a name: names (stored encrypted) are read for the page's rows only.
        var leads = await db.Organisations.AsNoTracking()
            .Where(o => leadIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Country, o.WomenLed, o.Sensitive })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var reviews = await db.ReviewAssignments.AsNoTracking()
            .Where(r => r.CallId == query.CallId && r.Status == ReviewStatus.Submitted)
            .GroupBy(r => r.ApplicationId)
            .Select(g => new { ApplicationId = g.Key, Count = g.Count(), Mean = g.Average(r => r.WeightedScore) })
            .ToDictionaryAsync(g => g.ApplicationId, cancellationToken);

        var country = query.Country?.ToUpperInvariant();
        var rows = applications
            .Select(a => (Application: a, Lead: leads[a.LeadOrganisationId], Score: ReviewResponses.Rounded(reviews.GetValueOrDefault(a.Id)?.Mean),
                ReviewCount: reviews.GetValueOrDefault(a.Id)?.Count ?? 0))
            .Where(r => country == null || r.Application.Countries.Contains(country))
            .Where(r => query.Pillar == null || r.Application.Pillars.Contains(query.Pillar.Value))
            .Where(r => query.TargetGroup == null || r.Application.TargetGroups.Contains(query.TargetGroup.Value))
            .Where(r => query.WomenLed == null || r.Lead.WomenLed == query.WomenLed);

        var sorted = (query.Sort switch
            {
                ApplicationTableSort.ScoreHighest => rows.OrderBy(r => r.Score is null).ThenByDescending(r => r.Score),
                ApplicationTableSort.ScoreLowest => rows.OrderBy(r => r.Score is null).ThenBy(r => r.Score),
                ApplicationTableSort.AmountHighest => rows.OrderByDescending(r => r.Application.RequestedTotal.Amount),
                ApplicationTableSort.AmountLowest => rows.OrderBy(r => r.Application.RequestedTotal.Amount),
                _ => rows.OrderByDescending(r => r.Application.SubmittedAt ?? r.Application.CreatedAt),
            })
            .ThenBy(r => r.Application.Id)
            .ToList();
        var page = sorted.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();

        var names = await db.OrganisationNamesAsync(viewer, page.Select(r => r.Application.LeadOrganisationId), OrganisationNameUse.Everyday, cancellationToken);
        return new PagedResponse<CallApplicationRow>(
            [
                .. page.Select(r => new CallApplicationRow(
                    r.Application.Id, r.Application.Title, r.Application.LeadOrganisationId,
                    names[r.Application.LeadOrganisationId],
                    r.Lead.Sensitive, r.Lead.Country, r.Lead.WomenLed, r.Application.Countries, r.Application.Pillars, r.Application.TargetGroups,
                    r.Application.Status, r.Application.RequestedTotal.Amount, r.Application.Currency, r.Score, r.ReviewCount, r.Application.SubmittedAt)),
            ],
            query.Page,
            query.PageSize,
            sorted.Count);
    }
}
