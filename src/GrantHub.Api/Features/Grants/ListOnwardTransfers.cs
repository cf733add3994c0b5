using GrantHub.Api.Infrastructure.Security;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Data;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrantHub.Api.Features.Grants;

/// <summary>One transfer the lead recorded, with the partner's answer.</summary>
public record OnwardTransferResponse(
    Guid Id,
    int TrancheNumber,
    Guid PartnerOrganisationId,
    decimal Amount,
    DateOnly TransferredOn,
    string Reference,
    DateTimeOffset RecordedAt,
    OnwardTransferStatus Status,
    DateTimeOffset? AnsweredAt,
    string? DisputeReason)
{
    public static OnwardTransferResponse From(OnwardTransfer transfer) => new(
        transfer.Id,
        transfer.TrancheNumber,
        transfer.PartnerOrganisationId,
        transfer.Amount.Amount,
        transfer.TransferredOn,
        transfer.Reference,
        transfer.RecordedAt,
        transfer.Status,
        transfer.AnsweredAt,
        transfer.DisputeReason);
}

/// <summary>
/// One partner's share of one paid tranche: <c>expected</c>, <c>recorded</c> (transfers not disputed), <c>confirmed</c>,
/// the 30-day <c>dueOn</c> and how many days it is overdue (0 once confirmed).
/// </summary>
public record OnwardShareResponse(
    int TrancheNumber,
    DateOnly PaidOn,
    DateOnly DueOn,
    Guid PartnerOrganisationId,
    string PartnerName,
    decimal Expected,
    decimal Recorded,
    decimal Confirmed,
    OnwardShareStatus Status,
    int DaysOverdue,
    IReadOnlyList<OnwardTransferResponse> Transfers);

public record GrantOnwardTransfersResponse(Guid GrantId, string GrantNumber, string Currency, bool PaysMembersDirectly, IReadOnlyList<OnwardShareResponse> Items);

/// <summary><see cref="Outstanding"/> keeps only the shares the partner has not confirmed in full.</summary>
public record ListOnwardTransfersQuery(Guid Id, bool? Outstanding = null) : IQuery<GrantOnwardTransfersResponse>;

/// <summary>Per paid tranche per partner, what the lead owes and where it stands: for the grant's consortium and staff.</summary>
public sealed class ListOnwardTransfersHandler(GrantHubDbContext db, Viewer viewer, GrantDetailsReader grants, TimeProvider clock)
    : IQueryHandler<ListOnwardTransfersQuery, GrantOnwardTransfersResponse>
{
    public async ValueTask<GrantOnwardTransfersResponse> Handle(ListOnwardTransfersQuery query, CancellationToken cancellationToken)
    {
        var grant = await grants.FindVisibleAsync(query.Id, cancellationToken);
        var today = clock.UtcToday();
        var shares = grant.OnwardShares().Where(s => query.Outstanding != true || !s.IsSettled).ToList();
        var names = await db.OrganisationNamesAsync(viewer, shares.Select(s => s.PartnerOrganisationId), OrganisationNameUse.Everyday, cancellationToken);
        return new GrantOnwardTransfersResponse(
            grant.Id,
            grant.GrantNumber,
            grant.Currency,
            grant.PaysMembersDirectly,
            [
                .. shares.Select(s => new OnwardShareResponse(
                    s.Tranche.Number,
                    s.Tranche.PaidOn!.Value,
                    s.DueOn,
                    s.PartnerOrganisationId,
                    names[s.PartnerOrganisationId],
                    s.Expected.Amount,
                    s.Recorded.Amount,
                    s.Confirmed.Amount,
                    s.Status,
                    s.DaysOverdue(today),
                    [.. s.Transfers.Select(OnwardTransferResponse.From)])),
            ]);
    }
}
