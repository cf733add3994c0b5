using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Features.Users;
using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Api.Infrastructure.Uploads;
using GrantHub.Api.Web.Pages.Shared;
using GrantHub.Core.Organisations;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Applications;

/// <summary>
/// The application's page: its status and feedback for everyone in the consortium; for the lead's members while it is
/// a draft, the narrative editor, partner invitations, and the submission checklist above the submit button.
/// </summary>
[AcceptsUploads]
public sealed class EditModel : WebPage
{
    public ApplicationResponse Application { get; private set; } = null!;
    public CallResponse Call { get; private set; } = null!;
    public SubmissionChecklistResponse? Checklist { get; private set; }
    public IReadOnlySet<Guid> MyOrganisations { get; private set; } = new HashSet<Guid>();
    public bool Editable => Application.Status == ApplicationStatus.Draft && MyOrganisations.Contains(Application.LeadOrganisationId);

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public List<Pillar> Pillars { get; set; } = [];
    [BindProperty] public List<string> Countries { get; set; } = [];
    [BindProperty] public List<TargetGroup> TargetGroups { get; set; } = [];
    [BindProperty] public int DurationMonths { get; set; }
    [BindProperty] public string? PartnerOrganisationId { get; set; }
    [BindProperty] public string? FiscalHostOrganisationId { get; set; }
    [BindProperty] public string? FiscalHostFeePercent { get; set; }

    /// <summary>A lead without a registration number may apply through a fiscal host.</summary>
    public bool LeadUnregistered { get; private set; }

    public QuestionsView Questions { get; private set; } = null!;

    [BindProperty] public Guid RequestId { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public IFormFile? Attachment { get; set; }

    public NarrativeForm Narrative => new(Call, Title, Summary, Pillars, Countries, TargetGroups, DurationMonths);

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Title = Application.Title;
        Summary = Application.Summary;
        Pillars = [.. Application.Pillars];
        Countries = [.. Application.Countries];
        TargetGroups = [.. Application.TargetGroups];
        DurationMonths = Application.DurationMonths;
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        var saved = await TryAsync(() => Mediator.Send(
            new UpdateApplicationCommand(id, null, null, Title ?? "", Summary ?? "", Pillars, Countries, TargetGroups, DurationMonths),
            cancellationToken).AsTask());
        return await AfterAsync(id, saved, "Application.Saved", cancellationToken);
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid id, CancellationToken cancellationToken)
    {
        var saved = false;
        if (!Guid.TryParse(PartnerOrganisationId?.Trim(), out var partnerId))
        {
            ModelState.AddModelError(nameof(PartnerOrganisationId), Text["Validation.Identifier"]);
        }
        else
        {
            saved = await TryAsync(() => Mediator.Send(new InvitePartnerCommand(id, partnerId), cancellationToken).AsTask());
            if (ModelState[nameof(InvitePartnerCommand.OrganisationId)] is { Errors.Count: > 0 } errors)
            {
                foreach (var error in errors.Errors)
                {
                    ModelState.AddModelError(nameof(PartnerOrganisationId), error.ErrorMessage);
                }

                ModelState.Remove(nameof(InvitePartnerCommand.OrganisationId));
            }
        }

        return await AfterAsync(id, saved, "Application.PartnerInvited", cancellationToken, keepNarrative: false);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid organisationId, CancellationToken cancellationToken)
    {
        var saved = await TryAsync(() => Mediator.Send(new RemovePartnerCommand(id, organisationId), cancellationToken).AsTask());
        return await AfterAsync(id, saved, "Application.PartnerRemoved", cancellationToken, keepNarrative: false);
    }

    public async Task<IActionResult> OnPostNameFiscalHostAsync(Guid id, CancellationToken cancellationToken)
    {
        var saved = false;
        var fee = WebText.ParseAmount(FiscalHostFeePercent);
        if (!Guid.TryParse(FiscalHostOrganisationId?.Trim(), out var hostId))
        {
            ModelState.AddModelError(nameof(FiscalHostOrganisationId), Text["Validation.Identifier"]);
        }
        else if (fee is null)
        {
            ModelState.AddModelError(nameof(FiscalHostFeePercent), Text["Validation.Amount"]);
        }
        else
        {
            saved = await TryAsync(
                () => Mediator.Send(new NameFiscalHostCommand(id, hostId, fee.Value), cancellationToken).AsTask(),
                field => field switch
                {
                    nameof(NameFiscalHostCommand.OrganisationId) => nameof(FiscalHostOrganisationId),
                    nameof(NameFiscalHostCommand.FeePercent) => nameof(FiscalHostFeePercent),
                    _ => field,
                });
        }

        return await AfterAsync(id, saved, "Application.FiscalHostNamed", cancellationToken, keepNarrative: false);
    }

    public async Task<IActionResult> OnPostRemoveFiscalHostAsync(Guid id, CancellationToken cancellationToken)
    {
        var saved = await TryAsync(() => Mediator.Send(new RemoveFiscalHostCommand(id), cancellationToken).AsTask());
        return await AfterAsync(id, saved, "Application.FiscalHostRemoved", cancellationToken, keepNarrative: false);
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken)
    {
        var saved = await TryAsync(() => Mediator.Send(new SubmitApplicationCommand(id), cancellationToken).AsTask());
        return await AfterAsync(id, saved, "Application.Submitted", cancellationToken, keepNarrative: false);
    }

    private async Task<IActionResult> AfterAsync(Guid id, bool saved, string confirmation, CancellationToken cancellationToken, bool keepNarrative = true)
    {
        if (saved)
        {
            Confirmation = Text[confirmation];
            return LocalRedirect($"/applications/{id}");
        }

        await LoadAsync(id, cancellationToken);
        if (!keepNarrative)
        {
            Title = Application.Title;
            Summary = Application.Summary;
            Pillars = [.. Application.Pillars];
            Countries = [.. Application.Countries];
            TargetGroups = [.. Application.TargetGroups];
            DurationMonths = Application.DurationMonths;
        }

        return Page();
    }

    /// <summary>An owner of the lead answers the programme officer's question, optionally with a file.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken cancellationToken)
    {
        var attachment = await UploadedFile.FromFormAsync(Attachment, cancellationToken);
        if (await TryAsync(() => Mediator.Send(new AnswerInformationRequestCommand(id, RequestId, Answer, attachment), cancellationToken).AsTask()))
        {
            Confirmation = Text["Questions.Answered"];
            return LocalRedirect($"/applications/{id}#questions");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Application = await Mediator.Send(new GetApplicationQuery(id), cancellationToken);
        Call = await Mediator.Send(new GetCallQuery(Application.CallId), cancellationToken);
        var memberships = await Mediator.Send(new GetMyMembershipsQuery(), cancellationToken);
        MyOrganisations = memberships.Keys.ToHashSet();
        var leadOwner = memberships.Owns(Application.LeadOrganisationId);
        Questions = new QuestionsView(
            id,
            (await Mediator.Send(new ListInformationRequestsQuery(id), cancellationToken)).Items,
            leadOwner && Application.Status is ApplicationStatus.Submitted or ApplicationStatus.UnderReview);
        if (Editable)
        {
            Checklist = await Mediator.Send(new GetSubmissionChecklistQuery(id), cancellationToken);
            LeadUnregistered = string.IsNullOrWhiteSpace(
                (await Mediator.Send(new GetOrganisationQuery(Application.LeadOrganisationId), cancellationToken)).RegistrationNumber);
        }
    }
}
