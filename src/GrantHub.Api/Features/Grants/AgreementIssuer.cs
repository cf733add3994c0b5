using System.Security.Cryptography;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

/// <summary>
/// Generates the next agreement version of a grant inside the current unit of work: renders the PDF, records its
/// SHA-256 on the grant, stores the bytes and tells every party it waits for its signature: the members of each
/// consortium organisation and, for the funder, the programme officer who awarded the grant (unless she generated it).
/// </summary>
public sealed class AgreementIssuer(GrantHubDbContext db, IAgreementRenderer renderer, Notifier notifier)
{
    public async Task<AgreementVersion> IssueAsync(Grant grant, Guid generatedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fundName = await db.Funds.Where(f => f.Id == grant.FundId).Select(f => f.Name).SingleAsync(cancellationToken);
        var organisationIds = grant.RelatedOrganisationIds.ToList();
        var organisations = await db.Organisations
            .Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new AgreementOrganisation(o.Name, o.Country, o.RegistrationNumber), cancellationToken);

        var version = grant.NextAgreementVersion;
        var pdf = renderer.Render(grant, new AgreementParticulars(fundName, organisations, version, now));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var agreementVersion = grant.AddAgreementVersion(version, sha256, generatedBy, now);
        db.AgreementDocuments.Add(new GrantAgreementDocument(grant.Id, version, sha256, pdf, now));

        await notifier.NotifyAsync(
            (await db.ConsortiumMembersAsync(grant, cancellationToken)).Append(grant.AwardedBy).Where(user => user != generatedBy).Distinct(),
            new NotificationMessage(
                "grant-agreement-ready",
                new NotificationText("grant-agreement-ready.Subject", grant.GrantNumber, version),
                new NotificationText("grant-agreement-ready.Body", version, grant.GrantNumber, sha256),
                $"/grants/{grant.Id}"),
            $"grant-agreement-ready:{grant.Id}:{version}",
            cancellationToken);
        return agreementVersion;
    }
}
