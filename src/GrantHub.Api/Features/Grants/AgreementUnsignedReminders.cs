using System.Globalization;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Api.Infrastructure.Jobs;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using GrantHub.Core.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

public record AgreementUnsignedRemindersCommand : ICommand<SweepResult>;

/// <summary>
/// When the latest agreement version of a grant that is awaiting signature, or of an active grant (an amendment's
/// version), is still not signed by every party 7 days after it was generated, reminds the owners of each lead or
/// partner organisation that has not signed it yet (only owners may sign) and the programme officer who awarded the
/// grant. Once per version: a new version starts its own 7 days, and an older, superseded version is never reminded
/// of (it can no longer be signed).
/// <para>
/// Set-based: four queries whatever the number of grants, then one <see cref="Notifier.NotifyManyAsync"/>, which
/// inserts them with a few multi-row INSERTs that skip every key already present.
/// </para>
/// </summary>
public sealed class AgreementUnsignedRemindersHandler(GrantHubDbContext db, Notifier notifier, TimeProvider clock)
    : ICommandHandler<AgreementUnsignedRemindersCommand, SweepResult>
{
    public const string Kind = "agreement-unsigned";

    public static readonly TimeSpan RemindAfter = TimeSpan.FromDays(7);

    public async ValueTask<SweepResult> Handle(AgreementUnsignedRemindersCommand command, CancellationToken cancellationToken)
    {
        var generatedBefore = clock.GetUtcNow() - RemindAfter;
        var unsigned = db.AgreementVersions
            .Where(v => v.SignedAt == null
                && v.GeneratedAt <= generatedBefore
                && !db.AgreementVersions.Any(later => later.GrantId == v.GrantId && later.Version > v.Version))
            .Join(
                db.Grants.Where(g => g.Status == GrantStatus.AwaitingSignature || g.Status == GrantStatus.Active),
                v => v.GrantId,
                g => g.Id,
                (v, g) => new { AgreementVersion = v, Grant = g });

        var versions = await unsigned
            .Select(x => new UnsignedVersion(
                x.Grant.Id,
                x.Grant.GrantNumber,
                x.Grant.Status,
                x.Grant.AwardedBy,
                x.Grant.LeadOrganisationId,
                x.AgreementVersion.Version,
                x.AgreementVersion.Sha256,
                x.AgreementVersion.GeneratedAt))
            .ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return new SweepResult(0);
        }

        var allocationHolders = (await unsigned
                .Join(db.Set<GrantAllocation>(), x => x.Grant.Id, a => a.GrantId, (x, a) => new { a.GrantId, a.OrganisationId })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.GrantId, a => a.OrganisationId);
        var signedOrganisations = (await unsigned
                .Join(
                    db.AgreementSignatures.Where(s => s.OrganisationId != null),
                    x => new { x.AgreementVersion.GrantId, x.AgreementVersion.Version },
                    s => new { s.GrantId, s.Version },
                    (x, s) => new { s.GrantId, OrganisationId = s.OrganisationId!.Value })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.GrantId, s => s.OrganisationId);
        var unsignedOrganisations = versions.ToDictionary(
            version => version.GrantId,
            version => allocationHolders[version.GrantId].Append(version.LeadOrganisationId).Distinct().Except(signedOrganisations[version.GrantId]).ToList());

        var concerned = unsignedOrganisations.Values.SelectMany(o => o).Distinct().ToList();
        var owners = (await db.OrganisationMembers
                .Where(m => m.Role == MembershipRole.Owner && concerned.Contains(m.OrganisationId))
                .Select(m => new { m.OrganisationId, m.UserId })
                .ToListAsync(cancellationToken))
            .ToLookup(o => o.OrganisationId, o => o.UserId);

        var reminders = versions.SelectMany(version =>
        {
            var eventKey = string.Create(CultureInfo.InvariantCulture, $"agreement-unsigned-7d:{version.GrantId:N}:{version.Version}");
            var toOwners = OwnerMessage(version);
            return unsignedOrganisations[version.GrantId]
                .SelectMany(organisation => owners[organisation])
                .Distinct()
                .Select(owner => new OutgoingNotification(owner, toOwners, eventKey))
                .Append(new OutgoingNotification(version.Officer, OfficerMessage(version), eventKey));
        });

        var added = await notifier.NotifyManyAsync(reminders, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new SweepResult(added);
    }

    private static NotificationMessage OwnerMessage(UnsignedVersion version) => new(
        Kind,
        Subject(version),
        new NotificationText("agreement-unsigned.Body.Owner", What(version), WhyItMatters(version), version.Sha256),
        Link(version));

    private static NotificationMessage OfficerMessage(UnsignedVersion version) => new(
        Kind,
        Subject(version),
        new NotificationText("agreement-unsigned.Body.Officer", What(version), WhyItMatters(version)),
        Link(version));

    /// <summary>Names the grant by its number only, never an organisation.</summary>
    private static NotificationText Subject(UnsignedVersion version) => new("agreement-unsigned.Subject", version.GrantNumber, version.Version);

    private static NotificationText What(UnsignedVersion version) =>
        new("agreement-unsigned.What", version.Version, version.GrantNumber, version.GeneratedAt.UtcDateTime);

    private static NotificationText WhyItMatters(UnsignedVersion version) => new(
        version.Status == GrantStatus.AwaitingSignature ? "agreement-unsigned.Why.FirstSignature" : "agreement-unsigned.Why.Amendment");

    private static string Link(UnsignedVersion version) => $"/grants/{version.GrantId}";

    private sealed record UnsignedVersion(
        Guid GrantId,
        string GrantNumber,
        GrantStatus Status,
        Guid Officer,
        Guid LeadOrganisationId,
        int Version,
        string Sha256,
        DateTimeOffset GeneratedAt);
}

public sealed class AgreementUnsignedRemindersJob(IMediator mediator) : IRecurringJob
{
    public const string Id = "grants:agreement-unsigned-reminders";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await mediator.Send(new AgreementUnsignedRemindersCommand(), cancellationToken);
}
