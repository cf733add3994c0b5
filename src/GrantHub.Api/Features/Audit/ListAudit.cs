using System.Text.Json;
using FluentValidation;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Audit;

public record ListAuditQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, Guid? ObjectId = null)
    : IQuery<PagedResponse<AuditEntryResponse>>, IPagedQuery;

public record AuditEntryResponse(
    long Sequence,
    Guid? UserId,
    string? UserEmail,
    string Command,
    Guid? ObjectId,
    DateTimeOffset OccurredAt,
    JsonElement Payload,
    string PreviousHash,
    string Hash);

public sealed class ListAuditValidator : AbstractValidator<ListAuditQuery>
{
    public ListAuditValidator() => this.ValidPaging();
}

public sealed class ListAuditHandler(GrantHubDbContext db) : IQueryHandler<ListAuditQuery, PagedResponse<AuditEntryResponse>>
{
    public async ValueTask<PagedResponse<AuditEntryResponse>> Handle(ListAuditQuery query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(a => query.ObjectId == null || a.ObjectId == query.ObjectId);
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(a => a.Sequence).PageOf(query).ToListAsync(cancellationToken);
        return new PagedResponse<AuditEntryResponse>(
            [.. page.Select(a => new AuditEntryResponse(
                a.Sequence, a.UserId, a.UserEmail, a.Command, a.ObjectId, a.OccurredAt,
                JsonSerializer.Deserialize<JsonElement>(a.Payload), a.PreviousHash, a.Hash))],
            query.Page,
            query.PageSize,
            total);
    }
}
