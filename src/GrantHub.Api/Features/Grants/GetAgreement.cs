using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

public record AgreementFile(byte[] Content, string Sha256, int Version, string FileName);

/// <summary>The latest agreement version, or the one asked for.</summary>
public record GetAgreementQuery(Guid Id, int? Version) : IQuery<AgreementFile>;

public sealed class GetAgreementHandler(GrantHubDbContext db, Viewer viewer) : IQueryHandler<GetAgreementQuery, AgreementFile>
{
    public async ValueTask<AgreementFile> Handle(GetAgreementQuery query, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.AsNoTracking().VisibleTo(viewer)
            .Where(g => g.Id == query.Id)
            .Select(g => new { g.GrantNumber })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(nameof(Grant), query.Id);
        var document = await db.AgreementDocuments.AsNoTracking()
            .Where(d => d.GrantId == query.Id && (query.Version == null || d.Version == query.Version))
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Agreement", query.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "latest");
        return new AgreementFile(document.Content, document.Sha256, document.Version, $"{grant.GrantNumber}-agreement-v{document.Version}.pdf");
    }
}
