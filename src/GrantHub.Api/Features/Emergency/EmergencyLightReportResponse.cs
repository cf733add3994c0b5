using GrantHub.Core.Emergency;

namespace GrantHub.Api.Features.Emergency;

/// <summary>
/// The light report of a paid emergency request: when it is due (60 days after the payment date; null before payment)
/// and, once sent, what it says.
/// </summary>
public sealed record EmergencyLightReportResponse(
    Guid EmergencyRequestId,
    DateOnly? DueOn,
    bool Submitted,
    string? HowMoneyWasUsed,
    string? AnythingElse,
    DateTimeOffset? SubmittedAt)
{
    public static EmergencyLightReportResponse From(EmergencyRequest request, EmergencyLightReport? report) => new(
        request.Id,
        EmergencyLightReport.DueOn(request),
        report is not null,
        report?.HowMoneyWasUsed,
        report?.AnythingElse,
        report?.SubmittedAt);
}
