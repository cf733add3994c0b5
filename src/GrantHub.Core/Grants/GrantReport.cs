using GrantHub.Core.Common;

namespace GrantHub.Core.Grants;

public enum ReportKind
{
    /// <summary>Combined narrative and financial report on one grant year (every year but the last).</summary>
    Annual,

    /// <summary>Report on the last grant year and the grant as a whole.</summary>
    Final,
}

public enum ReportStatus
{
    Pending,
    Submitted,
    ChangesRequested,
    Accepted,
}

public enum ReportOutcome
{
    Accepted,
    ChangesRequested,
}

/// <summary>What the lead organisation reports. Narrative, achievements and risks may describe people at risk.</summary>
public record ReportSubmission(string Narrative, Money SpentToDate, string Achievements, string? Risks);

/// <summary>One entry of a grant's reporting schedule: Pending → Submitted → Accepted, or back to ChangesRequested and resubmitted.</summary>
public class GrantReport
{
    // EF cannot map an optional complex type of a value type, so the report keeps the two columns of the optional
    // spending it reports itself.
    private long? spentToDateMinorUnits;
    private string currency = "";

    private GrantReport()
    {
    }

    internal GrantReport(Guid grantId, string currency, ReportKind kind, int periodYear, DateOnly dueOn)
    {
        Id = Guid.NewGuid();
        GrantId = grantId;
        this.currency = currency;
        Kind = kind;
        PeriodYear = periodYear;
        DueOn = dueOn;
        Status = ReportStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid GrantId { get; private set; }
    public ReportKind Kind { get; private set; }

    /// <summary>The grant year reported on (1-based); for the final report, the last grant year.</summary>
    public int PeriodYear { get; private set; }

    public DateOnly DueOn { get; private set; }
    public ReportStatus Status { get; private set; }
    public string? Narrative { get; private set; }

    /// <summary>Cumulative spending reported, in the grant's currency; null until the report is submitted.</summary>
    public Money? SpentToDate => spentToDateMinorUnits is { } minorUnits ? new Money(minorUnits, currency) : null;

    public string? Achievements { get; private set; }
    public string? Risks { get; private set; }
    public int SubmissionCount { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public Guid? SubmittedBy { get; private set; }
    public string? ReviewComment { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public Guid? ReviewedBy { get; private set; }

    public bool IsOpenForSubmission => Status is ReportStatus.Pending or ReportStatus.ChangesRequested;

    internal void Submit(ReportSubmission submission, Guid submittedBy, DateTimeOffset now)
    {
        if (!IsOpenForSubmission)
        {
            throw new BusinessRuleException("report-not-open", $"This report is {Status}; it can be submitted only while Pending or after changes were requested.");
        }

        if (submission.SpentToDate.Currency != currency)
        {
            throw new ArgumentException($"Spending is reported in the grant's currency, {currency}.", nameof(submission));
        }

        Narrative = submission.Narrative;
        spentToDateMinorUnits = submission.SpentToDate.MinorUnits;
        Achievements = submission.Achievements;
        Risks = submission.Risks;
        SubmissionCount++;
        SubmittedAt = now;
        SubmittedBy = submittedBy;
        Status = ReportStatus.Submitted;
    }

    internal void Review(ReportOutcome outcome, string? comment, Guid reviewedBy, DateTimeOffset now)
    {
        if (Status != ReportStatus.Submitted)
        {
            throw new BusinessRuleException("report-not-submitted", $"This report is {Status}; only a submitted report can be reviewed.");
        }

        Status = outcome == ReportOutcome.Accepted ? ReportStatus.Accepted : ReportStatus.ChangesRequested;
        ReviewComment = comment;
        ReviewedAt = now;
        ReviewedBy = reviewedBy;
    }

    /// <summary>The reported spending stays (a financial figure); the words go.</summary>
    internal void EraseText()
    {
        Narrative = null;
        Achievements = null;
        Risks = null;
        ReviewComment = null;
    }

    internal void Reschedule(ReportKind kind, DateOnly dueOn)
    {
        Kind = kind;
        DueOn = dueOn;
    }
}
