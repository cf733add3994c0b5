using System.Security.Cryptography;
using GrantHub.Api.Infrastructure.Email;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

/// <summary>
/// Generates the next agreement version of a grant inside the current unit of work: renders the PDF, records its
/// SHA-256 on the grant, stores the bytes and tells the lead organisation's members it is ready to sign.
/// </summary>
public sealed class AgreementIssuer(GrantHubDbContext db, IAgreementRenderer renderer, Notifier notifier)
{
    public async Task<AgreementVersion> IssueAsync(Grant grant, Guid generatedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fundName = await db.Funds.Where(f => f.Id == grant.FundId).Select(f => f.Name).SingleAsync(cancellationToken);
        var organisationIds = grant.ConsortiumOrganisationIds.ToList();
        var organisations = await db.Organisations
            .Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new AgreementOrganisation(o.Name, o.Country, o.RegistrationNumber), cancellationToken);

        var version = grant.NextAgreementVersion;
        var pdf = renderer.Render(grant, new AgreementParticulars(fundName, organisations, version, now));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var agreementVersion = grant.AddAgreementVersion(version, sha256, generatedBy, now);
        db.AgreementDocuments.Add(new GrantAgreementDocument(grant.Id, version, sha256, pdf, now));

        await notifier.NotifyAsync(
            await db.LeadMembersAsync(grant, cancellationToken),
            new NotificationMessage(
                "grant-agreement-ready",
                $"Grant {grant.GrantNumber}: agreement version {version} is ready to sign",
                $"Agreement version {version} of grant {grant.GrantNumber} is ready. An owner of the lead organisation signs it " +
                $"by naming its SHA-256, {sha256}, after reading it.",
                $"/api/grants/{grant.Id}/agreement"),
            $"grant-agreement-ready:{grant.Id}:{version}",
            cancellationToken);
        return agreementVersion;
    }
}
