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

    /// <summary>An officer decided, with a reason, that this report is not needed; it counts as done.</summary>
    Waived,
}

/// <summary>How a report reached the funder.</summary>
public enum ReportForm
{
    /// <summary>The report form's fields (narrative, spending, achievements, risks).</summary>
    Fields,

    /// <summary>An uploaded file: a PDF, a Word document, an audio or a video recording.</summary>
    File,

    /// <summary>A report written for another donor that covers the same period, uploaded as a file.</summary>
    OtherDonorReport,

    /// <summary>Told to the programme officer, who recorded it as a note.</summary>
    Oral,
}

public enum ReportOutcome
{
    Accepted,
    ChangesRequested,
}

/// <summary>What the lead organisation reports. Narrative, achievements and risks may describe people at risk.</summary>
public record ReportSubmission(string Narrative, Money SpentToDate, string Achievements, string? Risks);

/// <summary>A report written for another donor: who it was for and the period it covers, both days included.</summary>
public record OtherDonorReport(string DonorName, DateOnly CoversFrom, DateOnly CoversTo)
{
    public const int MaxDonorNameLength = 200;

    /// <summary>A donor's reporting year rarely starts on the grant's day: up to this many days at either end may fall outside.</summary>
    public const int ToleranceDays = 31;

    public bool Covers(DateOnly periodStart, DateOnly periodEnd) =>
        CoversFrom <= periodStart.AddDays(ToleranceDays) && CoversTo >= periodEnd.AddDays(-ToleranceDays);
}

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

    /// <summary>How the last submission was made; null until the report is submitted.</summary>
    public ReportForm? Form { get; private set; }

    /// <summary>The uploaded file (<see cref="ReportForm.File"/> and <see cref="ReportForm.OtherDonorReport"/>).</summary>
    public Guid? FileId { get; private set; }

    public string? OtherDonorName { get; private set; }
    public DateOnly? OtherDonorCoversFrom { get; private set; }
    public DateOnly? OtherDonorCoversTo { get; private set; }

    /// <summary>The day the oral report was given (<see cref="ReportForm.Oral"/>); the officer's note is the narrative.</summary>
    public DateOnly? OralReportGivenOn { get; private set; }

    public string? WaiverReason { get; private set; }
    public Guid? WaivedBy { get; private set; }
    public DateTimeOffset? WaivedAt { get; private set; }
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

    /// <summary>Accepted or waived: what a "previous annual report accepted" tranche condition and closing the grant wait for.</summary>
    public bool IsDone => Status is ReportStatus.Accepted or ReportStatus.Waived;

    internal void Submit(ReportSubmission submission, Guid submittedBy, DateTimeOffset now)
    {
        RequireOpenForSubmission();
        if (submission.SpentToDate.Currency != currency)
        {
            throw new ArgumentException($"Spending is reported in the grant's currency, {currency}.", nameof(submission));
        }

        Record(ReportForm.Fields, submission.Narrative, submittedBy, now);
        spentToDateMinorUnits = submission.SpentToDate.MinorUnits;
        Achievements = submission.Achievements;
        Risks = submission.Risks;
    }

    /// <summary>The report as an uploaded file, or as another donor's report on a period that covers this one's.</summary>
    internal void SubmitFile(Guid fileId, OtherDonorReport? otherDonor, GrantPeriod period, Guid submittedBy, DateTimeOffset now)
    {
        RequireOpenForSubmission();
        if (otherDonor is not null && !otherDonor.Covers(period.YearStart(PeriodYear), period.YearEnd(PeriodYear)))
        {
            throw new BusinessRuleException(
                "other-donor-period-mismatch",
                $"This report covers {period.YearStart(PeriodYear):yyyy-MM-dd} to {period.YearEnd(PeriodYear):yyyy-MM-dd}; a report written for another donor must cover that period " +
                $"(up to {OtherDonorReport.ToleranceDays} days at either end may fall outside it).");
        }

        Record(otherDonor is null ? ReportForm.File : ReportForm.OtherDonorReport, null, submittedBy, now);
        FileId = fileId;
        OtherDonorName = otherDonor?.DonorName;
        OtherDonorCoversFrom = otherDonor?.CoversFrom;
        OtherDonorCoversTo = otherDonor?.CoversTo;
    }

    /// <summary>An oral report, given to the programme officer who records it as a note; it is then reviewed like any other.</summary>
    internal void RecordOral(string note, DateOnly givenOn, Guid recordedBy, DateTimeOffset now)
    {
        RequireOpenForSubmission();
        Record(ReportForm.Oral, note, recordedBy, now);
        OralReportGivenOn = givenOn;
    }

    internal void Waive(string reason, Guid waivedBy, DateTimeOffset now)
    {
        if (!IsOpenForSubmission)
        {
            throw new BusinessRuleException("report-not-open", $"This report is {Status}; only a report still awaited can be waived.");
        }

        Status = ReportStatus.Waived;
        WaiverReason = reason;
        WaivedBy = waivedBy;
        WaivedAt = now;
    }

    private void RequireOpenForSubmission()
    {
        if (!IsOpenForSubmission)
        {
            throw new BusinessRuleException("report-not-open", $"This report is {Status}; it can be submitted only while Pending or after changes were requested.");
        }
    }

    /// <summary>A new submission replaces whatever form the previous one took.</summary>
    private void Record(ReportForm form, string? narrative, Guid submittedBy, DateTimeOffset now)
    {
        Form = form;
        Narrative = narrative;
        spentToDateMinorUnits = null;
        Achievements = null;
        Risks = null;
        FileId = null;
        OtherDonorName = null;
        OtherDonorCoversFrom = null;
        OtherDonorCoversTo = null;
        OralReportGivenOn = null;
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
        WaiverReason = null;
    }

    internal void Reschedule(ReportKind kind, DateOnly dueOn)
    {
        Kind = kind;
        DueOn = dueOn;
    }
}
