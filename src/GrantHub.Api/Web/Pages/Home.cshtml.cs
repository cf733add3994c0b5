using GrantHub.Api.Features.Applications;
using GrantHub.Api.Features.Calls;
using GrantHub.Api.Features.Emergency;
using GrantHub.Api.Features.Grants;
using GrantHub.Api.Features.Notifications;
using GrantHub.Api.Features.Reviews;
using GrantHub.Api.Features.Organisations;
using GrantHub.Api.Features.Users;
using GrantHub.Core.Applications;
using GrantHub.Core.Emergency;
using GrantHub.Core.Grants;
using GrantHub.Core.Organisations;
using GrantHub.Core.Identity;
using GrantHub.Core.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages;

/// <summary>A consortium invitation to answer, with the share of the budget it asks the organisation to confirm and that share's fingerprint.</summary>
public record InvitationToAnswer(Guid ApplicationId, Guid OrganisationId, string Title, decimal Share, string Currency, string BudgetFingerprint, bool AskedAgain);

public record DraftWithDeadline(Guid ApplicationId, string Title, DateTimeOffset? ClosesAt);

public record ReportDue(Guid GrantId, Guid ReportId, string GrantNumber, ReportKind Kind, int PeriodYear, DateOnly DueOn);

/// <summary>
/// What waits for the signed-in person: invitations (to join an organisation, or for one of hers to join a consortium,
/// each answered here with a plain form post), drafts, signatures, reports, emergencies, notifications.
/// </summary>
public sealed class HomeModel : WebPage
{
    public MeResponse Me { get; private set; } = null!;
    public IReadOnlyList<MyInvitationResponse> OrganisationInvitations { get; private set; } = [];
    public IReadOnlyList<InvitationToAnswer> Invitations { get; private set; } = [];
    public IReadOnlyList<DraftWithDeadline> Drafts { get; private set; } = [];
    public IReadOnlyList<ApplicationResponse> Others { get; private set; } = [];
    public IReadOnlyList<GrantResponse> AgreementsToSign { get; private set; } = [];
    public IReadOnlyList<GrantResponse> Grants { get; private set; } = [];
    public IReadOnlyList<ReportDue> Reports { get; private set; } = [];
    public IReadOnlyList<EmergencyRequestResponse> Emergencies { get; private set; } = [];
    public IReadOnlyList<NotificationResponse> Notifications { get; private set; } = [];
    public IReadOnlyList<ReviewAssignmentResponse> Reviews { get; private set; } = [];
    public IReadOnlyList<OfficerQueueItem>? Queue { get; private set; }
    public IReadOnlyList<OfficerQueueKind> MoreWaiting { get; private set; } = [];

    /// <summary>How many of each kind of waiting work the home lists, unless <c>?queue=all</c> asks for all the queue gives.</summary>
    public const int QueuePreview = 10;

    [BindProperty(SupportsGet = true, Name = "queue")] public string? QueueView { get; set; }

    public bool WholeQueue => QueueView == "all";

    public int QueuePerKind => WholeQueue ? GetOfficerQueueHandler.MaxPerKind : QueuePreview;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAcceptInvitationAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        MyInvitationResponse? accepted = null;
        if (await TryAsync(async () => accepted = await Mediator.Send(new AcceptInvitationCommand(invitationId), cancellationToken)))
        {
            Confirmation = Text["Home.InvitationAccepted"];
            return LocalRedirect($"/organisations/{accepted!.OrganisationId}");
        }

        return await ReloadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDeclineInvitationAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Mediator.Send(new DeclineInvitationCommand(invitationId), cancellationToken).AsTask()))
        {
            Confirmation = Text["Home.InvitationDeclined"];
            return LocalRedirect("/home");
        }

        return await ReloadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostConfirmPartnershipAsync(Guid applicationId, Guid organisationId, string? budgetFingerprint, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Mediator.Send(new ConfirmPartnershipCommand(applicationId, organisationId, budgetFingerprint ?? ""), cancellationToken).AsTask()))
        {
            Confirmation = Text["Partnership.Confirmed"];
            return LocalRedirect($"/applications/{applicationId}");
        }

        return await ReloadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDeclinePartnershipAsync(Guid applicationId, Guid organisationId, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Mediator.Send(new DeclinePartnershipCommand(applicationId, organisationId), cancellationToken).AsTask()))
        {
            Confirmation = Text["Partnership.Declined"];
            return LocalRedirect("/home");
        }

        return await ReloadAsync(cancellationToken);
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Me = await Mediator.Send(new GetMeQuery(), cancellationToken);
        var mine = Me.Organisations.Select(o => o.Id).ToHashSet();
        OrganisationInvitations = await Mediator.Send(new ListMyInvitationsQuery(), cancellationToken);
        // The applications and grants listed here are the user's own organisations' work; staff who belong to none reach
        // the whole portfolio from the menu, and listing it here cost the officer's home most of its time.
        IReadOnlyList<ApplicationResponse> applications = mine.Count == 0 ? [] : (await Mediator.Send(new ListApplicationsQuery(PageSize: 100), cancellationToken)).Items;
        var closing = mine.Count == 0 ? new Dictionary<Guid, DateTimeOffset>() : (await Mediator.Send(new ListCallsQuery(PageSize: 100), cancellationToken)).Items.ToDictionary(c => c.Id, c => c.ClosesAt);

        Invitations =
        [
            .. applications.SelectMany(a => a.Members
                .Where(m => m.Role == ConsortiumRole.Partner && m.Status == ConsortiumMemberStatus.Invited && mine.Contains(m.OrganisationId))
                .Select(m => new InvitationToAnswer(a.Id, m.OrganisationId, a.Title, m.Allocation.Sum(y => y.Amount), a.Currency, m.BudgetFingerprint, m.ConfirmationReset is not null))),
        ];
        var led = applications.Where(a => mine.Contains(a.LeadOrganisationId)).ToList();
        Drafts =
        [
            .. led.Where(a => a.Status == ApplicationStatus.Draft)
                .Select(a => new DraftWithDeadline(a.Id, a.Title, closing.TryGetValue(a.CallId, out var closesAt) ? closesAt : null))
                .OrderBy(d => d.ClosesAt ?? DateTimeOffset.MaxValue),
        ];
        Others = [.. applications.Where(a => a.Status != ApplicationStatus.Draft)];

        Grants = mine.Count == 0 ? [] : (await Mediator.Send(new ListGrantsQuery(PageSize: 100), cancellationToken)).Items;
        var owned = Me.Organisations.Where(o => o.Role == MembershipRole.Owner).Select(o => o.Id).ToHashSet();
        AgreementsToSign =
        [
            .. Grants.Where(g => g.Status is GrantStatus.AwaitingSignature or GrantStatus.Active
                && g.AgreementVersions.LastOrDefault() is { } latest
                && latest.MissingSignatures.Any(m => m.OrganisationId is { } organisation && owned.Contains(organisation))),
        ];
        Reports =
        [
            .. Grants.Where(g => mine.Contains(g.LeadOrganisationId))
                .SelectMany(g => g.Reports
                    .Where(r => r.Status is ReportStatus.Pending or ReportStatus.ChangesRequested)
                    .Select(r => new ReportDue(g.Id, r.Id, g.GrantNumber, r.Kind, r.PeriodYear, r.DueOn)))
                .OrderBy(r => r.DueOn),
        ];

        if (mine.Count > 0)
        {
            Emergencies = (await Mediator.Send(new ListEmergencyRequestsQuery(PageSize: 20), cancellationToken)).Items
                .Where(r => r.Status is EmergencyRequestStatus.Submitted or EmergencyRequestStatus.Approved)
                .ToList();
        }

        if (User.IsInRole(Roles.ProgrammeOfficer) || User.IsInRole(Roles.Admin))
        {
            var queue = await Mediator.Send(new GetOfficerQueueQuery(QueuePerKind), cancellationToken);
            (Queue, MoreWaiting) = (queue.Items, queue.MoreWaiting);
        }

        if (User.IsInRole(Roles.Reviewer))
        {
            Reviews = [.. (await Mediator.Send(new ListMyReviewsQuery(PageSize: 100), cancellationToken)).Items
                .Where(r => r.Status is ReviewStatus.Assigned or ReviewStatus.InProgress)];
        }

        Notifications = (await Mediator.Send(new ListMyNotificationsQuery(PageSize: 10), cancellationToken)).Items;
    }
}
