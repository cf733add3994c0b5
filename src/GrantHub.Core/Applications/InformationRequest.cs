using GrantHub.Core.Common;

namespace GrantHub.Core.Applications;

/// <summary>
/// "More information requested": during review a programme officer asks the consortium a question with a deadline, and
/// an owner of the lead organisation answers it, with text and optionally an attached file. While a question is open
/// (unanswered, deadline not passed) the application cannot be decided; once the deadline has passed the officer may
/// decide without the answer, and the unanswered question stays on record. Several questions may be asked over time.
/// </summary>
public class InformationRequest
{
    public const int MaxQuestionLength = 4000;
    public const int MaxAnswerLength = 20_000;

    private InformationRequest()
    {
    }

    private InformationRequest(Guid applicationId, string question, DateOnly answerBy, Guid askedBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        Question = question;
        AnswerBy = answerBy;
        AskedBy = askedBy;
        AskedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string? Question { get; private set; }

    /// <summary>The last day (UTC) on which the answer is awaited; the decision waits until the end of it.</summary>
    public DateOnly AnswerBy { get; private set; }

    public Guid AskedBy { get; private set; }
    public DateTimeOffset AskedAt { get; private set; }
    public string? Answer { get; private set; }
    public Guid? AttachmentFileId { get; private set; }
    public Guid? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsAnswered => AnsweredAt is not null;

    /// <summary>Unanswered and its deadline not passed: the decision waits for it.</summary>
    public bool IsOpenOn(DateOnly today) => !IsAnswered && today <= AnswerBy;

    public static InformationRequest Ask(Application application, string question, DateOnly answerBy, Guid askedBy, DateOnly today, DateTimeOffset now)
    {
        if (application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.UnderReview))
        {
            throw new BusinessRuleException(
                "application-not-in-review",
                $"Questions are asked while an application is submitted or under review; this one is {application.Status}.");
        }

        if (answerBy <= today)
        {
            throw new BusinessRuleException("deadline-not-in-future", "The deadline for the answer must be a day after today.");
        }

        return new InformationRequest(application.Id, question, answerBy, askedBy, now);
    }

    /// <summary>Answered once; an answer after the deadline is still taken as long as the application is undecided.</summary>
    public void AnswerWith(Application application, string answer, Guid? attachmentFileId, Guid answeredBy, DateTimeOffset now)
    {
        if (IsAnswered)
        {
            throw new BusinessRuleException("question-already-answered", "This question has already been answered.");
        }

        if (application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.UnderReview))
        {
            throw new BusinessRuleException(
                "application-not-in-review", $"The application is {application.Status}; questions are answered only before the decision.");
        }

        Answer = answer;
        AttachmentFileId = attachmentFileId;
        AnsweredBy = answeredBy;
        AnsweredAt = now;
    }

    /// <summary>The words go after the retention period; who asked and answered, and when, stay.</summary>
    public void EraseText()
    {
        Question = null;
        Answer = null;
    }

    /// <summary>409 <c>information-requested</c> when a question is still open on <paramref name="today"/>.</summary>
    public static void EnsureNoneOpen(IEnumerable<InformationRequest> requests, DateOnly today)
    {
        if (requests.Where(r => r.IsOpenOn(today)).OrderBy(r => r.AnswerBy).FirstOrDefault() is { } open)
        {
            throw new BusinessRuleException(
                "information-requested",
                $"The consortium has been asked for more information and has until {open.AnswerBy:yyyy-MM-dd} to answer; the decision waits for the answer or the deadline.");
        }
    }
}
