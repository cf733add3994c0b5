using GrantHub.Core.Common;

namespace GrantHub.Core.Calls;

public enum CallStatus
{
    Draft,
    Open,
    Closed,
    Decided,
    Cancelled,
}

public enum Pillar
{
    Participation,
    Prevention,
    Protection,
    ReliefAndRecovery,
}

/// <summary>One criterion of a call's rubric; the description tells reviewers what it asks of an application ("" when the officer gave none).</summary>
public record RubricCriterion(string Criterion, int Weight, int MaxScore, string Description = "");

/// <summary>Everything about a call that its author edits while it is a draft. Amounts in the fund's currency.</summary>
public record CallTerms(
    Guid FundId,
    string Title,
    string Description,
    IReadOnlyList<Pillar> Pillars,
    IReadOnlyList<string> EligibleCountries,
    Money MinAmount,
    Money MaxAmount,
    int MinDurationMonths,
    int MaxDurationMonths,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    bool ConsortiumRequired,
    int MinPartners,
    int MaxPartners,
    IReadOnlyList<RubricCriterion> Rubric,
    int MinReviewsPerApplication);

/// <summary>A call for proposals against a core-funding fund. Lifecycle: Draft → Open → Closed → Decided, or Cancelled.</summary>
public class Call : IVersioned
{
    private Call()
    {
    }

    public Call(CallTerms terms, Guid createdBy, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid();
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        Apply(terms);
    }

    public Guid Id { get; private set; }
    public Guid FundId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public List<Pillar> Pillars { get; private set; } = [];
    public List<string> EligibleCountries { get; private set; } = [];
    public Money MinAmount { get; private set; }
    public Money MaxAmount { get; private set; }
    public int MinDurationMonths { get; private set; }
    public int MaxDurationMonths { get; private set; }
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public bool ConsortiumRequired { get; private set; }
    public int MinPartners { get; private set; }
    public int MaxPartners { get; private set; }
    public List<RubricCriterion> Rubric { get; private set; } = [];
    public int MinReviewsPerApplication { get; private set; }
    public CallStatus Status { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public long Version { get; set; }

    /// <summary>
    /// A submission, a withdrawal or a decision is taken on this call's state without otherwise changing it. Bumping
    /// the version makes such a unit of work conflict with a concurrent change to this call, so the loser is retried on
    /// fresh state.
    /// </summary>
    internal void Changed() => Version++;

    public bool IsAcceptingSubmissions(DateTimeOffset now) =>
        Status == CallStatus.Open && now >= OpensAt && now < ClosesAt;

    public void Update(CallTerms terms)
    {
        if (Status != CallStatus.Draft)
        {
            throw new BusinessRuleException("call-not-editable", $"Only a Draft call can be edited; this call is {Status}.");
        }

        Apply(terms);
    }

    public void Publish(DateTimeOffset now)
    {
        RequireStatus(CallStatus.Draft, "publish");
        if (ClosesAt <= now)
        {
            throw new BusinessRuleException("call-closes-in-the-past", "A call whose closing time has passed cannot be published.");
        }

        Status = CallStatus.Open;
        PublishedAt = now;
    }

    public void Close(DateTimeOffset now)
    {
        RequireStatus(CallStatus.Open, "close");
        Status = CallStatus.Closed;
        ClosedAt = now;
    }

    public void Cancel()
    {
        if (Status is not (CallStatus.Draft or CallStatus.Open))
        {
            throw new BusinessRuleException("call-not-cancellable", $"Only a Draft or Open call can be cancelled; this call is {Status}.");
        }

        Status = CallStatus.Cancelled;
    }

    /// <summary>
    /// An application of this call is decided (awarded or rejected): only once the call has closed and the ranking is final.
    /// </summary>
    public void AcceptDecision()
    {
        if (Status != CallStatus.Closed)
        {
            throw new BusinessRuleException(
                "call-not-closed",
                $"Applications are decided once their call has closed and the ranking is final; this call is {Status}.");
        }

        Changed();
    }

    public void MarkDecided()
    {
        RequireStatus(CallStatus.Closed, "mark as decided");
        Status = CallStatus.Decided;
    }

    private void RequireStatus(CallStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new BusinessRuleException(
                "call-invalid-transition",
                $"Cannot {action} a call that is {Status}; it must be {expected}.");
        }
    }

    private void Apply(CallTerms terms)
    {
        if (terms.MinAmount.Currency != terms.MaxAmount.Currency)
        {
            throw new ArgumentException("A call's amounts are in one currency, its fund's.", nameof(terms));
        }

        FundId = terms.FundId;
        Title = terms.Title;
        Description = terms.Description;
        Pillars = [.. terms.Pillars];
        EligibleCountries = [.. terms.EligibleCountries];
        MinAmount = terms.MinAmount;
        MaxAmount = terms.MaxAmount;
        MinDurationMonths = terms.MinDurationMonths;
        MaxDurationMonths = terms.MaxDurationMonths;
        OpensAt = terms.OpensAt;
        ClosesAt = terms.ClosesAt;
        ConsortiumRequired = terms.ConsortiumRequired;
        MinPartners = terms.MinPartners;
        MaxPartners = terms.MaxPartners;
        Rubric = [.. terms.Rubric];
        MinReviewsPerApplication = terms.MinReviewsPerApplication;
    }
}
