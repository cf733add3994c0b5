using System.Text.Json;
using FluentValidation;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Audit;

/// <summary>Newest first; optionally one object's entries, one command's (e.g. <c>DisableUserCommand</c>), one person's (by e-mail).</summary>
public record ListAuditQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, Guid? ObjectId = null, string? Command = null, string? UserEmail = null)
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
    public ListAuditValidator()
    {
        this.ValidPaging();
        RuleFor(q => q.Command).MaximumLength(200);
        RuleFor(q => q.UserEmail).MaximumLength(256);
    }
}

public sealed class ListAuditHandler(GrantHubDbContext db) : IQueryHandler<ListAuditQuery, PagedResponse<AuditEntryResponse>>
{
    public async ValueTask<PagedResponse<AuditEntryResponse>> Handle(ListAuditQuery query, CancellationToken cancellationToken)
    {
        var command = string.IsNullOrWhiteSpace(query.Command) ? null : query.Command.Trim();
        var userEmail = string.IsNullOrWhiteSpace(query.UserEmail) ? null : query.UserEmail.Trim();
        var entries = db.AuditEntries.AsNoTracking()
            .Where(a => query.ObjectId == null || a.ObjectId == query.ObjectId)
            .Where(a => command == null || a.Command == command)
            .Where(a => userEmail == null || a.UserEmail == userEmail);
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
