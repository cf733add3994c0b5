using GrantHub.Api.Infrastructure.Uploads;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

public record GetInformationAttachmentQuery(Guid Id, Guid RequestId) : IQuery<StoredFileDownload>;

/// <summary>The file attached to an answer, to whoever reads the application; 404 to anyone else.</summary>
public sealed class GetInformationAttachmentHandler(GrantHubDbContext db, Viewer viewer)
    : IQueryHandler<GetInformationAttachmentQuery, StoredFileDownload>
{
    public async ValueTask<StoredFileDownload> Handle(GetInformationAttachmentQuery query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().FindVisibleAsync(viewer, query.Id, cancellationToken);
        var fileId = await db.InformationRequests
            .Where(r => r.Id == query.RequestId && r.ApplicationId == application.Id)
            .Select(r => r.AttachmentFileId)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("File", query.RequestId);
        return await StoredFileDownload.ReadAsync(db, fileId, cancellationToken);
    }
}
