using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Applications;

public record ListInformationRequestsQuery(Guid Id) : IQuery<InformationRequestsResponse>;

/// <summary>The officer's questions to the consortium and their answers, oldest first, for everyone who reads the application.</summary>
public sealed class ListInformationRequestsHandler(GrantHubDbContext db, Viewer viewer, TimeProvider clock)
    : IQueryHandler<ListInformationRequestsQuery, InformationRequestsResponse>
{
    public async ValueTask<InformationRequestsResponse> Handle(ListInformationRequestsQuery query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().FindVisibleAsync(viewer, query.Id, cancellationToken);
        var requests = await db.InformationRequests.AsNoTracking()
            .Where(r => r.ApplicationId == application.Id)
            .OrderBy(r => r.AskedAt)
            .ToListAsync(cancellationToken);
        var fileIds = requests.Where(r => r.AttachmentFileId is not null).Select(r => r.AttachmentFileId!.Value).ToList();
        var files = await db.StoredFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var today = clock.UtcToday();
        return new InformationRequestsResponse([.. requests.Select(r =>
            InformationRequestResponse.From(r, r.AttachmentFileId is { } fileId ? files.GetValueOrDefault(fileId) : null, today))]);
    }
}
