using GrantHub.Api.Features.Applications;

namespace GrantHub.Api.Web.Pages.Shared;

/// <summary>
/// The officer's questions to a consortium and their answers, as the application, assessment and review pages show them;
/// <see cref="MayAnswer"/> adds the answer form (an owner of the lead organisation) under each open or late question.
/// </summary>
public sealed record QuestionsView(Guid ApplicationId, IReadOnlyList<InformationRequestResponse> Items, bool MayAnswer);
