using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Common;
using GrantHub.Core.Funds;

namespace GrantHub.Api.Features.Funds;

public record FundResponse(
    Guid Id,
    string Name,
    FundKind Kind,
    string Currency,
    decimal Budget,
    decimal Committed,
    decimal Disbursed,
    decimal Available,
    decimal ApprovalThreshold,
    DateTimeOffset CreatedAt) : IHasId
{
    public static FundResponse From(Fund fund) => new(
        fund.Id,
        fund.Name,
        fund.Kind,
        fund.Currency,
        fund.Budget.Amount,
        fund.Committed.Amount,
        fund.Disbursed.Amount,
        fund.Available.Amount,
        fund.ApprovalThreshold.Amount,
        fund.CreatedAt);
}
