using GrantHub.Core.Common;

namespace GrantHub.Core.Emergency;

/// <summary>
/// The light report after an emergency grant: how the money was used, and one optional question (what else the fund
/// should know), due <see cref="DueDays"/> days after the payment date. It is optional: not sending it is never an
/// error, and the organisation is reminded once.
/// </summary>
public class EmergencyLightReport
{
    public const int DueDays = 60;
    public const int MaxUseLength = 10_000;
    public const int MaxAnythingElseLength = 4000;

    private EmergencyLightReport()
    {
    }

    private EmergencyLightReport(Guid emergencyRequestId, string howMoneyWasUsed, string? anythingElse, Guid submittedBy, DateTimeOffset now)
    {
        EmergencyRequestId = emergencyRequestId;
        HowMoneyWasUsed = howMoneyWasUsed;
        AnythingElse = anythingElse;
        SubmittedBy = submittedBy;
        SubmittedAt = now;
    }

    public Guid EmergencyRequestId { get; private set; }
    public string? HowMoneyWasUsed { get; private set; }

    /// <summary>The answer to the one optional question: "Is there anything else you would like the fund to know?"</summary>
    public string? AnythingElse { get; private set; }

    public Guid SubmittedBy { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>When the light report of a paid request is due; null before the payment.</summary>
    public static DateOnly? DueOn(EmergencyRequest request) => request.PaidOn?.AddDays(DueDays);

    /// <summary>Only paid money is reported on, once (a second one is 409 <c>light-report-already-submitted</c>, checked by the caller's unique key).</summary>
    public static EmergencyLightReport Submit(EmergencyRequest request, string howMoneyWasUsed, string? anythingElse, Guid submittedBy, DateTimeOffset now)
    {
        if (request.Status != EmergencyRequestStatus.Paid)
        {
            throw new BusinessRuleException(
                "emergency-not-paid", $"A light report follows the payment; this request is {request.Status}.");
        }

        return new EmergencyLightReport(request.Id, howMoneyWasUsed, anythingElse, submittedBy, now);
    }

    public void EraseText()
    {
        HowMoneyWasUsed = null;
        AnythingElse = null;
    }
}
