using GrantHub.Core.Data;
using GrantHub.Core.Identity;
using GrantHub.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Infrastructure.Security;

/// <summary>Why a screen or an answer names an organisation: the staff who need an at-risk organisation's legal name need it for one task.</summary>
public enum OrganisationNameUse
{
    /// <summary>Lists, consortia, reviews, invitations, home pages: the alias for an at-risk organisation.</summary>
    Everyday,

    /// <summary>The organisation's profile, where programme officers record due diligence.</summary>
    DueDiligence,

    /// <summary>Finance's approval queue and payments, where finance officers pay the organisation.</summary>
    Payment,
}

/// <summary>What deciding which name to show needs to know of an organisation.</summary>
public sealed record OrganisationNaming(Guid Id, string Name, string? Alias, bool Sensitive);

public static partial class Visibility
{
    /// <summary>
    /// What an at-risk organisation without an alias is called for those who may not read its legal name. API answers carry
    /// it as it is; pages write it in the reader's language.
    /// </summary>
    public const string WithheldOrganisationName = "(organisation at risk)";

    /// <summary>
    /// THE rule for which name a viewer sees. An organisation that is not at risk is named. An at-risk (sensitive or hidden)
    /// organisation is named by its legal name only to its own members, to programme officers on its profile (due diligence;
    /// the agreement PDF, a legal document every party signs, always carries legal names) and to finance officers where they
    /// pay it. Everyone else (other applicants, consortium partners included, reviewers, admins, any list) sees its alias,
    /// or <see cref="WithheldOrganisationName"/> when it has none.
    /// </summary>
    public static string NameShownTo(OrganisationNaming organisation, IReadOnlySet<Guid> viewerOrganisations, ICurrentUser viewer, OrganisationNameUse use) =>
        ReadsLegalName(organisation, viewerOrganisations, viewer, use)
            ? organisation.Name
            : organisation.Alias ?? WithheldOrganisationName;

    /// <summary>Whether the viewer reads the legal name (and so the registration number) of this organisation.</summary>
    public static bool ReadsLegalName(OrganisationNaming organisation, IReadOnlySet<Guid> viewerOrganisations, ICurrentUser viewer, OrganisationNameUse use) =>
        !organisation.Sensitive || viewerOrganisations.Contains(organisation.Id) || NeedsLegalName(viewer, use);

    public static OrganisationNaming Naming(this Organisation organisation) =>
        new(organisation.Id, organisation.Name, organisation.Alias, organisation.Sensitive);

    public static async Task<string> NameShownAsync(this Viewer viewer, Organisation organisation, OrganisationNameUse use, CancellationToken cancellationToken) =>
        NameShownTo(organisation.Naming(), await viewer.OrganisationsAsync(cancellationToken), viewer, use);

    /// <summary>The names this viewer sees for these organisations, read in one query.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> OrganisationNamesAsync(
        this GrantHubDbContext db, Viewer viewer, IEnumerable<Guid> organisationIds, OrganisationNameUse use, CancellationToken cancellationToken)
    {
        var ids = organisationIds.Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => ids.Contains(o.Id))
            .Select(o => new OrganisationNaming(o.Id, o.Name, o.Alias, o.Sensitive))
            .ToListAsync(cancellationToken);
        var mine = await viewer.OrganisationsAsync(cancellationToken);
        return organisations.ToDictionary(o => o.Id, o => NameShownTo(o, mine, viewer, use));
    }

    /// <summary>
    /// The name in a message that leaves the system (notification, e-mail), whoever reads it: an at-risk organisation's alias,
    /// else <paramref name="placeholder"/> (a text of the notification catalogue, written in the reader's language).
    /// </summary>
    public static object NameInMessages(OrganisationNaming organisation, object placeholder) =>
        !organisation.Sensitive ? organisation.Name : organisation.Alias ?? placeholder;

    private static bool NeedsLegalName(ICurrentUser viewer, OrganisationNameUse use) => use switch
    {
        OrganisationNameUse.DueDiligence => viewer.IsInRole(Roles.ProgrammeOfficer),
        OrganisationNameUse.Payment => viewer.IsInRole(Roles.FinanceOfficer),
        _ => false,
    };
}
