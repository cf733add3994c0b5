using GrantHub.Api.Features.Grants;
using GrantHub.Api.Features.Users;
using GrantHub.Api.Infrastructure.Time;
using GrantHub.Core.Grants;
using GrantHub.Core.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GrantHub.Api.Web.Pages.Grants;

/// <summary>
/// The grant: allocations, tranches, reports with their due dates, the agreement to download, who has signed its latest
/// version and who is still missing, and the signature of an owner of the lead or a partner, or of a programme officer
/// for the funder, which names the exact document by its SHA-256 and needs an explicit confirmation. A programme officer also finds
/// here each tranche's finance approvals in detail, every agreement version, the submitted reports to accept or send back, amendments, closing and termination
/// (each handler refuses anyone else with 403, whatever the form sent).
/// </summary>
public sealed class DetailsModel(TimeProvider clock) : WebPage
{
    public GrantResponse Grant { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> OrganisationNames { get; private set; } = new Dictionary<Guid, string>();
    public AgreementVersionResponse? Agreement => Grant.AgreementVersions.LastOrDefault();

    /// <summary>
    /// The parties still missing from the latest version that the viewer may sign for: the organisations she owns and,
    /// for a programme officer, the funder (a related party is refused when she signs).
    /// </summary>
    public IReadOnlyList<MissingSignatureResponse> MySignatures { get; private set; } = [];

    [BindProperty] public string? Sha256 { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    /// <summary>The lead or partner organisation the signer signs for; none when a programme officer signs for the funder.</summary>
    [BindProperty] public Guid? SignFor { get; set; }
    [BindProperty] public ReportOutcome? Outcome { get; set; }
    [BindProperty] public string? ReviewComment { get; set; }
    [BindProperty] public AmendmentKind? AmendmentKind { get; set; }
    [BindProperty] public DateOnly? NewEndDate { get; set; }
    [BindProperty] public string? AmendmentAmount { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? TerminationReason { get; set; }

    /// <summary>The lead's transfer form: which share (<c>tranche:partner</c>), how much, when, with which bank reference.</summary>
    [BindProperty] public string? TransferShare { get; set; }
    [BindProperty] public string? TransferAmount { get; set; }
    [BindProperty] public DateOnly? TransferredOn { get; set; }
    [BindProperty] public string? TransferReference { get; set; }
    [BindProperty] public string? DisputeReason { get; set; }

    /// <summary>The transfer whose dispute form was sent, so that its error shows next to it and nowhere else.</summary>
    public Guid? DisputedTransferId { get; private set; }

    /// <summary>Each partner's share of each tranche paid to the lead, with the transfers recorded (everyone who sees the grant).</summary>
    public GrantOnwardTransfersResponse Transfers { get; private set; } = null!;

    public IReadOnlySet<Guid> MyOrganisations { get; private set; } = new HashSet<Guid>();

    /// <summary>The date the lead's transfer form offers, today by the application's clock.</summary>
    public DateOnly Today => clock.UtcToday();

    public bool RecordsTransfers => MyOrganisations.Contains(Grant.LeadOrganisationId);

    public bool Oversees => User.IsInRole(Roles.ProgrammeOfficer);

    /// <summary>Each tranche with its finance decisions, approvers named, and its payment (officers only).</summary>
    public IReadOnlyList<TrancheResponse> TrancheApprovals { get; private set; } = [];

    /// <summary>What the lead wrote in each report waiting for the officer's reading (officers only).</summary>
    public IReadOnlyList<GrantReportResponse> ReportsToRead { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnGetAgreementAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await Mediator.Send(new GetAgreementQuery(id, null), cancellationToken);
        return File(file.Content, "application/pdf", file.FileName);
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), Text["Grant.ConfirmRequired"]);
        }
        else
        {
            GrantResponse? signed = null;
            if (await TryAsync(async () => signed = await Mediator.Send(new SignAgreementCommand(id, Sha256 ?? "", SignFor), cancellationToken)))
            {
                Confirmation = Text[signed!.AgreementVersions[^1].SignedAt is null ? "Grant.SignatureRecorded" : "Grant.Signed"];
                return LocalRedirect($"/grants/{id}");
            }
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostReviewReportAsync(Guid id, Guid reportId, CancellationToken cancellationToken) =>
        OverseeAsync(id, () => Mediator.Send(new ReviewReportCommand(id, reportId, Outcome, ReviewComment), cancellationToken).AsTask(),
            Outcome == ReportOutcome.ChangesRequested ? "Grant.ReportSentBack" : "Grant.ReportAccepted", field => field == "Comment" ? nameof(ReviewComment) : field, cancellationToken);

    public Task<IActionResult> OnPostGenerateAsync(Guid id, CancellationToken cancellationToken) =>
        OverseeAsync(id, () => Mediator.Send(new GenerateAgreementCommand(id), cancellationToken).AsTask(), "Grant.AgreementGenerated", null, cancellationToken);

    public async Task<IActionResult> OnPostAmendAsync(Guid id, CancellationToken cancellationToken)
    {
        var amount = WebText.ParseAmount(AmendmentAmount);
        if (amount is null && !string.IsNullOrWhiteSpace(AmendmentAmount))
        {
            ModelState.AddModelError(nameof(AmendmentAmount), Text["Validation.Amount"]);
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        return await OverseeAsync(
            id,
            () => Mediator.Send(new AmendGrantCommand(id, AmendmentKind, NewEndDate, amount, Reason ?? ""), cancellationToken).AsTask(),
            "Grant.Amended",
            field => field switch { "Kind" => nameof(AmendmentKind), "Amount" => nameof(AmendmentAmount), _ => field },
            cancellationToken);
    }

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken) =>
        OverseeAsync(id, () => Mediator.Send(new CloseGrantCommand(id), cancellationToken).AsTask(), "Grant.Closed", null, cancellationToken);

    public Task<IActionResult> OnPostTerminateAsync(Guid id, CancellationToken cancellationToken) =>
        OverseeAsync(id, () => Mediator.Send(new TerminateGrantCommand(id, TerminationReason ?? ""), cancellationToken).AsTask(),
            "Grant.Terminated", field => field == "Reason" ? nameof(TerminationReason) : field, cancellationToken);

    public async Task<IActionResult> OnPostRecordTransferAsync(Guid id, CancellationToken cancellationToken)
    {
        var amount = WebText.ParseAmount(TransferAmount);
        var (trancheNumber, partner) = ParseShare(TransferShare);
        var command = new RecordOnwardTransferCommand(id, trancheNumber, partner, amount, TransferredOn, TransferReference);
        if (amount is null && !string.IsNullOrWhiteSpace(TransferAmount))
        {
            ModelState.AddModelError(nameof(TransferAmount), Text["Validation.Amount"]);
        }
        else if (await TryAsync(() => Mediator.Send(command, cancellationToken).AsTask(), TransferFormField))
        {
            Confirmation = Text["Grant.TransferRecorded"];
            return LocalRedirect($"/grants/{id}#transfers");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmTransferAsync(Guid id, Guid transferId, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => Mediator.Send(new ConfirmOnwardTransferCommand(id, transferId), cancellationToken).AsTask()))
        {
            Confirmation = Text["Grant.TransferConfirmed"];
            return LocalRedirect($"/grants/{id}#transfers");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDisputeTransferAsync(Guid id, Guid transferId, CancellationToken cancellationToken)
    {
        DisputedTransferId = transferId;
        if (await TryAsync(
            () => Mediator.Send(new DisputeOnwardTransferCommand(id, transferId, DisputeReason), cancellationToken).AsTask(),
            field => field == "Reason" ? nameof(DisputeReason) : field))
        {
            Confirmation = Text["Grant.TransferDisputed"];
            return LocalRedirect($"/grants/{id}#transfers");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private static string TransferFormField(string field) => field switch
    {
        "TrancheNumber" or "PartnerOrganisationId" => nameof(TransferShare),
        "Amount" => nameof(TransferAmount),
        "Reference" => nameof(TransferReference),
        _ => field,
    };

    /// <summary>The share chosen in the form's list, <c>3:guid</c>; nulls (and so field errors) for anything else.</summary>
    private static (int? TrancheNumber, Guid? Partner) ParseShare(string? share) =>
        share?.Split(':') is [var number, var partner] && int.TryParse(number, out var trancheNumber) && Guid.TryParse(partner, out var partnerId)
            ? (trancheNumber, partnerId)
            : (null, null);

    private async Task<IActionResult> OverseeAsync(Guid id, Func<Task> command, string confirmation, Func<string, string>? formField, CancellationToken cancellationToken)
    {
        if (!Oversees)
        {
            return Forbid();
        }

        if (await TryAsync(command, formField))
        {
            Confirmation = Text[confirmation];
            return LocalRedirect($"/grants/{id}");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Grant = await Mediator.Send(new GetGrantQuery(id), cancellationToken);
        if (Oversees)
        {
            TrancheApprovals = (await Mediator.Send(new ListTranchesQuery(id), cancellationToken)).Items;
            ReportsToRead = (await Mediator.Send(new ListGrantReportsQuery(id, ReportStatus.Submitted), cancellationToken)).Items;
        }

        Transfers = await Mediator.Send(new ListOnwardTransfersQuery(id), cancellationToken);
        var memberships = await Mediator.Send(new GetMyMembershipsQuery(), cancellationToken);
        MyOrganisations = memberships.Keys.ToHashSet();
        OrganisationNames = (await Mediator.Send(new ListGrantOrganisationNamesQuery(id), cancellationToken))
            .ToDictionary(name => name.Key, name => WebText.OrganisationName(Text, name.Value));
        if (Agreement is { MissingSignatures.Count: > 0 } latest && Grant.Status is GrantStatus.AwaitingSignature or GrantStatus.Active)
        {
            MySignatures = [.. latest.MissingSignatures.Where(m => m.OrganisationId is { } organisation ? memberships.Owns(organisation) : Oversees)];
        }
    }

    /// <summary>The party's name as the page shows it: its organisation's name, or "the funder".</summary>
    public string PartyName(Guid? organisationId) =>
        organisationId is { } id ? OrganisationNames.GetValueOrDefault(id, "") : Text["Grant.Funder"];
}
