using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Audit;

/// <summary>
/// Newest first; optionally one object's entries, one command's (e.g. <c>DisableUserCommand</c>), one person's (by e-mail).
/// Entries name the account by id; the e-mail shown is the account's current one (entries written before that rule
/// kept the address they were written with).
/// </summary>
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
        var normalizedEmail = userEmail?.ToUpperInvariant();
        var accountIds = normalizedEmail is null ? [] : await db.Users.Where(u => u.NormalizedEmail == normalizedEmail).Select(u => (Guid?)u.Id).ToListAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking()
            .Where(a => query.ObjectId == null || a.ObjectId == query.ObjectId)
            .Where(a => command == null || a.Command == command)
            .Where(a => userEmail == null || a.UserEmail == userEmail || accountIds.Contains(a.UserId));
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(a => a.Sequence).PageOf(query).ToListAsync(cancellationToken);
        var pageUserIds = page.Where(a => a.UserId is not null).Select(a => a.UserId!.Value).Distinct().ToList();
        var emails = await db.Users.Where(u => pageUserIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        var atRisk = await AtRiskIdentifiersAsync(cancellationToken);
        return new PagedResponse<AuditEntryResponse>(
            [.. page.Select(a => new AuditEntryResponse(
                a.Sequence, a.UserId, a.UserEmail ?? (a.UserId is { } id ? emails.GetValueOrDefault(id) : null), a.Command, a.ObjectId, a.OccurredAt,
                Shown(a.Payload, atRisk), a.PreviousHash, a.Hash))],
            query.Page,
            query.PageSize,
            total);
    }

    /// <summary>
    /// An organisation marked at risk (or hidden) after entries named it keeps its name in those entries: the chain is
    /// never rewritten, so the name is taken out of what is shown. Verification reads the stored payloads.
    /// </summary>
    private async Task<IReadOnlyList<string>> AtRiskIdentifiersAsync(CancellationToken cancellationToken) =>
        [
            .. (await db.Organisations.AsNoTracking().Where(o => o.Sensitive).Select(o => new { o.Name, o.RegistrationNumber }).ToListAsync(cancellationToken))
                .SelectMany(o => new[] { o.Name, o.RegistrationNumber })
                .OfType<string>()
                .Where(text => text.Length > 0),
        ];

    private static JsonElement Shown(string payload, IReadOnlyList<string> atRisk)
    {
        var node = JsonNode.Parse(payload);
        if (node is null || atRisk.Count == 0)
        {
            return JsonSerializer.Deserialize<JsonElement>(payload);
        }

        Redact(node, atRisk);
        return JsonSerializer.SerializeToElement(node);
    }

    private static void Redact(JsonNode node, IReadOnlyList<string> atRisk)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text) && atRisk.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                    {
                        obj[name] = AuditPayload.Redacted;
                    }
                    else if (child is not null)
                    {
                        Redact(child, atRisk);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text) && atRisk.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                    {
                        array[i] = AuditPayload.Redacted;
                    }
                    else if (array[i] is { } child)
                    {
                        Redact(child, atRisk);
                    }
                }

                break;
        }
    }
}
