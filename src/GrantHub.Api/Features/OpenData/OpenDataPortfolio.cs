using System.Runtime.CompilerServices;
using System.Text;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using GrantHub.Core.Grants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.OpenData;

/// <summary>How many grants an export holds and the widest repeated fields, for the CSV header.</summary>
public sealed record PortfolioShape(int Grants, int EmergencyGrants, int MaxRecipients, int MaxLocations, int MaxClassifications)
{
    public int Total => Grants + EmergencyGrants;
}

/// <summary>
/// Reads the awarded portfolio (Active, Closed and Terminated grants; approved and paid emergency grants when
/// configured) page by page and turns each grant into the <see cref="PublishedGrant"/> every export writes, applying
/// the safety rules. A grant "involving" a sensitive organisation — as lead or as consortium partner, or an emergency
/// grant to one — is protected: the sensitive organisation appears only under its keyed pseudonym and the neutral name,
/// with its region instead of its country (or nothing); the grant gets a pseudonymous identifier, a neutral title and
/// description (the consortium's own texts may name or place it), no programme (a call's title may name a place),
/// regions instead of beneficiary countries, and generalised amounts and dates. Other members are still named.
/// </summary>
public sealed class OpenDataPortfolio(GrantHubDbContext db, IOptions<OpenDataOptions> options)
{
    public static readonly GrantStatus[] AwardedStatuses = [GrantStatus.Active, GrantStatus.Closed, GrantStatus.Terminated];
    public static readonly EmergencyRequestStatus[] AwardedEmergencyStatuses = [EmergencyRequestStatus.Approved, EmergencyRequestStatus.Paid];
    private const int PageSize = 500;

    private OpenDataOptions Options => options.Value;

    public async Task<PortfolioShape> ShapeAsync(CancellationToken cancellationToken)
    {
        var grants = db.Grants.Where(g => AwardedStatuses.Contains(g.Status));
        var awardedApplications = grants.Join(db.Applications, g => g.ApplicationId, a => a.Id, (g, a) => a);
        var grantCount = await grants.CountAsync(cancellationToken);
        var emergencyCount = Options.IncludeEmergencyGrants
            ? await db.EmergencyRequests.CountAsync(e => AwardedEmergencyStatuses.Contains(e.Status), cancellationToken)
            : 0;
        var maxRecipients = await grants.Select(g => (int?)(g.Allocations.Count(a => a.OrganisationId != g.LeadOrganisationId) + 1)).MaxAsync(cancellationToken) ?? 1;
        var maxLocations = await awardedApplications.Select(a => (int?)a.Countries.Count).MaxAsync(cancellationToken) ?? 1;
        var maxClassifications = await awardedApplications.Select(a => (int?)(a.Pillars.Count + a.TargetGroups.Count)).MaxAsync(cancellationToken) ?? 0;
        return new PortfolioShape(grantCount, emergencyCount, maxRecipients, Math.Max(maxLocations, 1), maxClassifications);
    }

    public async IAsyncEnumerable<PublishedGrant> ReadAsync(string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var texts = OpenDataTexts.For(language);
        var rules = new SafetyRules(Options, texts, Pseudonyms());
        var after = "";
        while (true)
        {
            // Keyset pages on the unique grant-number index alone: a status filter in SQL would make the database
            // prefer the (Status, AwardedAt) index and sort every awarded grant for each page. The few grants still
            // awaiting signature are skipped here instead.
            var page = await db.Grants.AsNoTracking()
                .Where(g => string.Compare(g.GrantNumber, after) > 0)
                .OrderBy(g => g.GrantNumber)
                .Take(PageSize)
                .Include(g => g.Allocations)
                .Include(g => g.Tranches)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            after = page[^1].GrantNumber;
            var awarded = page.Where(g => AwardedStatuses.Contains(g.Status)).ToList();
            var related = await RelatedAsync(awarded, cancellationToken);
            foreach (var grant in awarded)
            {
                yield return rules.Grant(grant, related);
            }
        }

        if (!Options.IncludeEmergencyGrants)
        {
            yield break;
        }

        var emergencyGrants =
            from request in db.EmergencyRequests.AsNoTracking()
            where AwardedEmergencyStatuses.Contains(request.Status)
            join organisation in db.Organisations on request.OrganisationId equals organisation.Id
            join fund in db.Funds on request.FundId equals fund.Id
            orderby request.SubmittedAt, request.Id
            select new EmergencyGrantFacts(
                request.Id,
                request.Amount,
                request.Status,
                request.DecidedAt ?? request.SubmittedAt,
                request.PaidOn,
                new OrganisationFacts(organisation.Id, organisation.Name, organisation.Country, organisation.Sensitive),
                new PublishedProgramme($"fund-{fund.Id}", fund.Name));
        await foreach (var facts in emergencyGrants.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return rules.EmergencyGrant(facts);
        }
    }

    public void EnsureConfigured()
    {
        if (Options.PseudonymSecret.Length < OpenDataOptions.MinimumSecretLength)
        {
            throw new BusinessRuleException(
                "open-data-secret-missing",
                $"Set OpenData:PseudonymSecret (at least {OpenDataOptions.MinimumSecretLength} characters) before exporting: without it sensitive organisations cannot be pseudonymised.");
        }
    }

    private OpenDataPseudonyms Pseudonyms()
    {
        EnsureConfigured();
        return new OpenDataPseudonyms(Encoding.UTF8.GetBytes(Options.PseudonymSecret), Options.IdentifierPrefix);
    }

    private async Task<RelatedFacts> RelatedAsync(List<Grant> page, CancellationToken cancellationToken)
    {
        var applicationIds = page.Select(g => g.ApplicationId).ToList();
        var organisationIds = page.SelectMany(g => g.RelatedOrganisationIds).Distinct().ToList();
        var callIds = page.Select(g => g.CallId).Distinct().ToList();
        var fundIds = page.Select(g => g.FundId).Distinct().ToList();
        var applications = await db.Applications.AsNoTracking()
            .Where(a => applicationIds.Contains(a.Id))
            .Select(a => new ApplicationFacts(a.Id, a.Title, a.Summary, a.Pillars, a.Countries, a.TargetGroups))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .Select(o => new OrganisationFacts(o.Id, o.Name, o.Country, o.Sensitive))
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var calls = await db.Calls.AsNoTracking()
            .Where(c => callIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new PublishedProgramme($"call-{c.Id}", c.Title), cancellationToken);
        var funds = await db.Funds.AsNoTracking()
            .Where(f => fundIds.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => new PublishedProgramme($"fund-{f.Id}", f.Name), cancellationToken);
        return new RelatedFacts(applications, organisations, calls, funds);
    }
}

internal sealed record OrganisationFacts(Guid Id, string Name, string Country, bool Sensitive);

internal sealed record ApplicationFacts(
    Guid Id, string Title, string Summary, List<Pillar> Pillars, List<string> Countries, List<TargetGroup> TargetGroups);

internal sealed record EmergencyGrantFacts(
    Guid Id,
    Money Amount,
    EmergencyRequestStatus Status,
    DateTimeOffset DecidedAt,
    DateOnly? PaidOn,
    OrganisationFacts Organisation,
    PublishedProgramme Fund);

internal sealed record RelatedFacts(
    IReadOnlyDictionary<Guid, ApplicationFacts> Applications,
    IReadOnlyDictionary<Guid, OrganisationFacts> Organisations,
    IReadOnlyDictionary<Guid, PublishedProgramme> Calls,
    IReadOnlyDictionary<Guid, PublishedProgramme> Funds);

/// <summary>The one place where what may be published is decided; see <see cref="OpenDataPortfolio"/>.</summary>
internal sealed class SafetyRules(OpenDataOptions options, OpenDataTexts texts, OpenDataPseudonyms pseudonyms)
{
    public PublishedGrant Grant(Grant grant, RelatedFacts related)
    {
        var application = related.Applications[grant.ApplicationId];
        var members = grant.ConsortiumOrganisationIds.Select(id => related.Organisations[id]).ToList();
        var isProtected = members.Any(m => m.Sensitive);
        var period = grant.Period;
        var budgets = Enumerable.Range(1, period.Years)
            .Select(year => new PublishedBudget(
                Date(period.YearStart(year), isProtected),
                Date(period.YearEnd(year), isProtected),
                Amount(Money.Sum(grant.Tranches.Where(t => t.Status != TrancheStatus.Cancelled && InYear(period, t.PlannedDate) == year).Select(t => t.Amount), grant.Currency), isProtected)))
            .Where(b => b.Amount > 0)
            .ToList();
        var disbursements = grant.Tranches
            .Where(t => t.Status == TrancheStatus.Paid && t.PaidOn is not null)
            .OrderBy(t => t.PaidOn).ThenBy(t => t.Number)
            .Select(t => new PublishedPayment(Date(t.PaidOn!.Value, isProtected), Amount(t.Amount, isProtected)))
            .ToList();
        var locations = isProtected
            ? application.Countries.Select(Region).OfType<PublishedLocation>().DistinctBy(l => l.Region!.Code).ToList()
            : application.Countries.Select(country => new PublishedLocation(country, null)).ToList();

        return new PublishedGrant(
            isProtected ? pseudonyms.Grant(grant.Id) : $"{options.IdentifierPrefix}-{grant.GrantNumber}",
            isProtected ? texts.WithheldGrantTitle : application.Title,
            isProtected ? texts.WithheldDescription : application.Summary,
            grant.Currency,
            Amount(grant.Amount, isProtected),
            Date(DateOnly.FromDateTime(grant.AwardedAt.UtcDateTime), isProtected),
            Date(grant.StartDate, isProtected),
            Date(grant.EndDate, isProtected),
            DurationMonths(period),
            grant.EndedAt is { } endedAt ? Date(DateOnly.FromDateTime(endedAt.UtcDateTime), isProtected) : null,
            Organisation(members[0]),
            [.. members.Skip(1).Select(Organisation)],
            isProtected ? [] : [related.Funds[grant.FundId], related.Calls[grant.CallId]],
            locations,
            application.Pillars,
            application.TargetGroups,
            grant.Status switch
            {
                GrantStatus.Closed => PublishedActivityStatus.Closed,
                GrantStatus.Terminated => PublishedActivityStatus.Cancelled,
                _ => PublishedActivityStatus.Implementation,
            },
            Emergency: false,
            isProtected,
            budgets,
            disbursements,
            !isProtected && grant.FiscalHostOrganisationId is { } hostId && related.Organisations[hostId] is { Sensitive: false } host
                ? new PublishedFiscalHost(Organisation(host), grant.FiscalHostFeeBasisPoints!.Value / 100m)
                : null);
    }

    public PublishedGrant EmergencyGrant(EmergencyGrantFacts facts)
    {
        var isProtected = facts.Organisation.Sensitive;
        var recipient = Organisation(facts.Organisation);
        return new PublishedGrant(
            isProtected ? pseudonyms.EmergencyGrant(facts.Id) : $"{options.IdentifierPrefix}-ER-{facts.Id}",
            texts.WithheldEmergencyTitle,
            isProtected ? texts.WithheldDescription : texts.EmergencyDescription,
            facts.Amount.Currency,
            Amount(facts.Amount, isProtected),
            Date(DateOnly.FromDateTime(facts.DecidedAt.UtcDateTime), isProtected),
            PlannedStart: null,
            PlannedEnd: null,
            DurationMonths: null,
            facts.PaidOn is { } paidOn ? Date(paidOn, isProtected) : null,
            recipient,
            [],
            isProtected ? [] : [facts.Fund],
            recipient.Location is { } location ? [location] : [],
            [],
            [],
            facts.Status == EmergencyRequestStatus.Paid ? PublishedActivityStatus.Closed : PublishedActivityStatus.Implementation,
            Emergency: true,
            isProtected,
            [],
            facts.PaidOn is { } paid ? [new PublishedPayment(Date(paid, isProtected), Amount(facts.Amount, isProtected))] : []);
    }

    private PublishedOrganisation Organisation(OrganisationFacts organisation) =>
        organisation.Sensitive
            ? new PublishedOrganisation(pseudonyms.Organisation(organisation.Id), texts.WithheldRecipientName, Region(organisation.Country), Withheld: true)
            : new PublishedOrganisation($"{options.IdentifierPrefix}-ORG-{organisation.Id}", organisation.Name, new PublishedLocation(organisation.Country, null), Withheld: false);

    private PublishedLocation? Region(string country) =>
        options.SensitiveLocation == SensitiveLocation.Region && UnM49Regions.Of(country) is { } region
            ? new PublishedLocation(null, region)
            : null;

    private DateOnly Date(DateOnly date, bool isProtected) => !isProtected ? date : options.SensitiveDates switch
    {
        DateGeneralisation.Month => new DateOnly(date.Year, date.Month, 1),
        DateGeneralisation.Year => new DateOnly(date.Year, 1, 1),
        _ => date,
    };

    /// <summary>Rounded to the nearest step (half up), never below one step, so that no amount is unique to a recipient.</summary>
    /// <summary>The published amount in minor units: rounded for a protected organisation.</summary>
    private long Amount(Money amount, bool isProtected)
    {
        if (!isProtected || options.SensitiveAmountRoundTo == 0)
        {
            return amount.MinorUnits;
        }

        var step = Money.ToMinorUnits(options.SensitiveAmountRoundTo, amount.Currency);
        return Math.Max(step, (amount.MinorUnits + step / 2) / step * step);
    }

    private static int InYear(GrantPeriod period, DateOnly date) =>
        date < period.Start ? 1 : date > period.End ? period.Years : period.YearOf(date);

    private static int DurationMonths(GrantPeriod period)
    {
        var months = ((period.End.Year - period.Start.Year) * 12) + period.End.Month - period.Start.Month;
        while (period.Start.AddMonths(months) <= period.End)
        {
            months++;
        }

        return months;
    }
}
