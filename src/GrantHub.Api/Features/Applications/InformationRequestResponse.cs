using GrantHub.Api.Infrastructure.Uploads;
using GrantHub.Core.Applications;
using GrantHub.Core.Files;

namespace GrantHub.Api.Features.Applications;

public enum InformationRequestStatus
{
    /// <summary>Awaiting the answer; the decision waits.</summary>
    Open,
    Answered,

    /// <summary>The deadline passed without an answer; the officer may decide.</summary>
    Unanswered,
}

/// <summary>A question to the consortium and its answer, as everyone who reads the application sees them.</summary>
public sealed record InformationRequestResponse(
    Guid Id,
    Guid ApplicationId,
    string? Question,
    DateOnly AnswerBy,
    InformationRequestStatus Status,
    DateTimeOffset AskedAt,
    string? Answer,
    DateTimeOffset? AnsweredAt,
    StoredFileResponse? Attachment)
{
    public static InformationRequestResponse From(InformationRequest request, StoredFile? attachment, DateOnly today) => new(
        request.Id,
        request.ApplicationId,
        request.Question,
        request.AnswerBy,
        request.IsAnswered ? InformationRequestStatus.Answered : request.IsOpenOn(today) ? InformationRequestStatus.Open : InformationRequestStatus.Unanswered,
        request.AskedAt,
        request.Answer,
        request.AnsweredAt,
        attachment is null ? null : StoredFileResponse.From(attachment));
}

public sealed record InformationRequestsResponse(IReadOnlyList<InformationRequestResponse> Items);
