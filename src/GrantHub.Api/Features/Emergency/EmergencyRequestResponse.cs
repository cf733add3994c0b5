using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Common;
using GrantHub.Core.Emergency;

namespace GrantHub.Api.Features.Emergency;

public record EmergencyApprovalResponse(Guid FinanceOfficerId, ApprovalDecision Decision, string? Comment, DateTimeOffset DecidedAt);

/// <summary>
/// An emergency request as one viewer may see it: the justification only for finance, programme officers and
/// the organisation itself; finance's approval comments only for finance and programme officers (the organisation
/// reads the rejection and release reasons).
/// </summary>
public record EmergencyRequestResponse(
    Guid Id,
    Guid OrganisationId,
    Guid FundId,
    decimal Amount,
    string Currency,
    EmergencyCategory Category,
    string? Justification,
    DateOnly NeededBy,
    EmergencyRequestStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DecidedAt,
    DateTimeOffset DecisionDueAt,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? BreachedAt,
    IReadOnlyList<EmergencyApprovalResponse> Approvals,
    string? RejectionReason,
    string? PaymentReference,
    DateOnly? PaidOn,
    PaymentAsReceivedResponse? AsReceived,
    Guid? EnteredBy,
    DateTimeOffset? ReleasedAt,
    Guid? ReleasedBy,
    string? ReleaseReason) : IHasId
{
    public static async Task<EmergencyRequestResponse> ForAsync(EmergencyRequest request, Viewer viewer, CancellationToken cancellationToken) => new(
        request.Id,
        request.OrganisationId,
        request.FundId,
        request.Amount.Amount,
        request.Currency,
        request.Category,
        await viewer.MayReadJustificationAsync(request, cancellationToken) ? request.Justification : null,
        request.NeededBy,
        request.Status,
        request.SubmittedAt,
        request.DecidedAt,
        request.DecisionDueAt,
        request.EscalatedAt,
        request.BreachedAt,
        [.. request.Approvals
            .OrderBy(a => a.DecidedAt)
            .Select(a => new EmergencyApprovalResponse(a.FinanceOfficerId, a.Decision, viewer.MayReadFinanceComments() ? a.Comment : null, a.DecidedAt))],
        request.RejectionReason,
        request.PaymentReference,
        request.PaidOn,
        request.AsReceived.ToResponse(),
        request.EnteredBy,
        request.ReleasedAt,
        request.ReleasedBy,
        request.ReleaseReason);
}
