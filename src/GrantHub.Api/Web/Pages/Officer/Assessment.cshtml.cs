using System.Globalization;
using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Api.Infrastructure.Security;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using GrantHub.Api.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Officer;

/// <summary>
/// The application as the officers see it: consortium and each member's confirmation, the budget table, each member's
/// due diligence, every review with its scores (this page is for overseeing staff only), assigning reviewers (only
/// those who may review it are offered) and the way to the decision.
/// </summary>
[Authorize(Policy = Policies.AdminOrProgrammeOfficer)]
public sealed class AssessmentModel(TimeProvider clock) : WebPage
{
    public ApplicationResponse Application { get; private set; } = null!;
    public CallResponse Call { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, OrganisationResponse> Organisations { get; private set; } = new Dictionary<Guid, OrganisationResponse>();
    public ApplicationReviewsResponse Reviews { get; private set; } = null!;
    public IReadOnlyList<EligibleReviewerResponse> EligibleReviewers { get; private set; } = [];

    public bool MayAssign => User.IsInRole(Roles.ProgrammeOfficer) && Application.Status is ApplicationStatus.Submitted or ApplicationStatus.UnderReview;
    public bool MayDecide => User.IsInRole(Roles.ProgrammeOfficer) && Call.Status == CallStatus.Closed
        && Application.Status is ApplicationStatus.Submitted or ApplicationStatus.UnderReview;
    public int Years => Application.Budget.Select(l => l.Year).DefaultIfEmpty(0).Max();

    public QuestionsView Questions { get; private set; } = null!;

    /// <summary>An officer asks while the application is submitted or under review, as she assigns reviewers.</summary>
    public bool MayAsk => MayAssign;

    [BindProperty] public string? Question { get; set; }
    [BindProperty] public DateOnly? AnswerBy { get; set; }

    [BindProperty] public Guid? ReviewerUserId { get; set; }
    [BindProperty] public DateOnly? DueOn { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        DueOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(21);
        AnswerBy = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(14);
    }

    public async Task<IActionResult> OnPostAskAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Mediator.Send(new AskForInformationCommand(id, Question, AnswerBy), cancellationToken).AsTask()))
        {
            Confirmation = Text["Questions.Sent"];
            return LocalRedirect($"/applications/{id}/assessment#questions");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ReviewerUserId is null)
        {
            ModelState.AddModelError(nameof(ReviewerUserId), Text["Officer.ChooseReviewer"]);
        }

        if (DueOn is null)
        {
            ModelState.AddModelError(nameof(DueOn), Text["Officer.ChooseDueDate"]);
        }

        // A review is due at the end of the chosen day, in UTC like every deadline.
        if (ModelState.IsValid && await TryAsync(
                () => Mediator.Send(new AssignReviewerCommand(id, ReviewerUserId!.Value, new DateTimeOffset(DueOn!.Value.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero)), cancellationToken).AsTask(),
                field => field == nameof(AssignReviewerCommand.DueAt) ? nameof(DueOn) : field))
        {
            Confirmation = Text["Officer.ReviewerAssigned"];
            return LocalRedirect($"/applications/{id}/assessment");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public decimal? Cell(Guid organisationId, int year) =>
        Application.Budget.FirstOrDefault(l => l.OrganisationId == organisationId && l.Year == year)?.Amount;

    public static string Score(decimal? score) => score?.ToString("0.00", CultureInfo.CurrentCulture) ?? "—";

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Application = await Mediator.Send(new GetApplicationQuery(id), cancellationToken);
        Call = await Mediator.Send(new GetCallQuery(Application.CallId), cancellationToken);
        // One query for the whole consortium (a call allows at most 50 partners; only a draft could hold more).
        var organisations = new Dictionary<Guid, OrganisationResponse>();
        foreach (var ids in Application.Members.Select(m => m.OrganisationId).Chunk(Paging.MaxPageSize))
        {
            var page = await Mediator.Send(new ListOrganisationsQuery(PageSize: Paging.MaxPageSize, Ids: ids), cancellationToken);
            foreach (var organisation in page.Items)
            {
                organisations[organisation.Id] = organisation;
            }
        }

        Organisations = organisations;
        Reviews = await Mediator.Send(new ListApplicationReviewsQuery(id), cancellationToken);
        Questions = new QuestionsView(id, (await Mediator.Send(new ListInformationRequestsQuery(id), cancellationToken)).Items, MayAnswer: false);
        if (MayAssign)
        {
            EligibleReviewers = (await Mediator.Send(new ListEligibleReviewersQuery(id), cancellationToken)).Items;
        }
    }
}
