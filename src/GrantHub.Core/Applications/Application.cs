using GrantHub.Core.Calls;
using GrantHub.Core.Common;
using GrantHub.Core.Organisations;

namespace GrantHub.Core.Applications;

public enum ApplicationStatus
{
    Draft,
    Submitted,
    UnderReview,
    Awarded,
    Rejected,
    Withdrawn,
}

/// <summary>Intersectional markers of the women an application reaches.</summary>
public enum TargetGroup
{
    RuralWomen,
    YoungWomen,
    WomenWithDisabilities,
    DisplacedWomen,
    SexualAndGenderMinorities,
    EthnicOrIndigenousMinorityWomen,
    WomenHumanRightsDefenders,
}

/// <summary>Everything about an application that its lead edits while it is a draft.</summary>
public record ApplicationNarrative(
    string Title,
    string Summary,
    IReadOnlyList<Pillar> Pillars,
    IReadOnlyList<string> Countries,
    IReadOnlyList<TargetGroup> TargetGroups,
    int DurationMonths);

/// <summary>
/// A consortium's proposal to a call: the lead organisation applies on behalf of partners that each confirm
/// for themselves. Lifecycle: Draft → Submitted → UnderReview → Awarded | Rejected, or Withdrawn from Draft
/// or Submitted. Only a draft changes; every change touches <see cref="UpdatedAt"/> so that the version of
/// the whole aggregate moves, even when only a member or a budget line changed.
/// </summary>
public class Application : IVersioned
{
    private readonly List<ApplicationMember> _members = [];
    private readonly List<BudgetLine> _budgetLines = [];

    private Application()
    {
    }

    private Application(Call call, Guid leadOrganisationId, string currency, ApplicationNarrative narrative, Guid createdBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        CallId = call.Id;
        LeadOrganisationId = leadOrganisationId;
        Currency = currency;
        RequestedTotal = Money.Zero(currency);
        Status = ApplicationStatus.Draft;
        CreatedBy = createdBy;
        CreatedAt = now;
        UpdatedAt = now;
        Apply(narrative);
        _members.Add(ApplicationMember.Lead(leadOrganisationId, now));
    }

    public Guid Id { get; private set; }
    public Guid CallId { get; private set; }
    public Guid LeadOrganisationId { get; private set; }
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public List<Pillar> Pillars { get; private set; } = [];
    public List<string> Countries { get; private set; } = [];
    public List<TargetGroup> TargetGroups { get; private set; } = [];
    public int DurationMonths { get; private set; }
    public ApplicationStatus Status { get; private set; }

    /// <summary>The call's fund currency; every budget amount is in it.</summary>
    public string Currency { get; private set; } = "";

    /// <summary>The sum of the budget lines, kept with them.</summary>
    public Money RequestedTotal { get; private set; }

    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionFeedback { get; private set; }

    /// <summary>
    /// The registered organisation that receives the grant and passes it on for an unregistered lead, or null. Its fee is
    /// in basis points of what passes through it (<see cref="MaxFiscalHostFeeBasisPoints"/> at most).
    /// </summary>
    public Guid? FiscalHostOrganisationId { get; private set; }

    public int? FiscalHostFeeBasisPoints { get; private set; }
    public FiscalHostConsent? FiscalHostConsent { get; private set; }
    public DateTimeOffset? FiscalHostAnsweredAt { get; private set; }

    /// <summary>A fiscal host's fee is 0 to 15 % (1,500 basis points) of what passes through it.</summary>
    public const int MaxFiscalHostFeeBasisPoints = 1_500;

    /// <summary>When the retention period ended and the application's free text was erased (<see cref="ErasePersonalData"/>).</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; private set; }
    public long Version { get; set; }

    /// <summary>
    /// A reviewer assignment is checked against this application (its status, its consortium) without always changing
    /// it. Bumping the version makes such a unit of work conflict with a concurrent change to this application, so the
    /// loser is retried on fresh state.
    /// </summary>
    internal void Changed() => Version++;

    public IReadOnlyList<ApplicationMember> Members => _members;
    public IReadOnlyList<BudgetLine> BudgetLines => _budgetLines;

    /// <summary>Grant years the budget covers: a 30-month project has years 1, 2 and 3.</summary>
    public int GrantYears => YearsFor(DurationMonths);

    public IEnumerable<ApplicationMember> Partners => _members.Where(m => m.Role == ConsortiumRole.Partner);

    /// <summary>The lead, every partner that has not declined and the fiscal host if any: whose members are related parties of this application.</summary>
    public IEnumerable<Guid> ConsortiumOrganisationIds =>
        _members.Where(m => m.Status != ConsortiumMemberStatus.Declined).Select(m => m.OrganisationId)
            .Concat(FiscalHostOrganisationId is { } host ? [host] : []);

    /// <summary>The lead and every partner that has not declined: the organisations that may hold budget lines.</summary>
    public IEnumerable<Guid> ActiveOrganisationIds =>
        _members.Where(m => m.Status != ConsortiumMemberStatus.Declined).Select(m => m.OrganisationId);

    public static int YearsFor(int durationMonths) => (durationMonths + 11) / 12;

    /// <summary>Why a budget repeats a line, or null: each organisation has at most one line per grant year. The budget validator asks the same question.</summary>
    public static string? RepeatedBudgetLineProblem(IEnumerable<(Guid OrganisationId, int Year)> lines) =>
        lines.GroupBy(line => line).Any(g => g.Count() > 1) ? "Each organisation has at most one budget line per year." : null;

    /// <summary>Starts a draft. Drafting is possible once a call is published and until it closes.</summary>
    public static Application Draft(
        Call call,
        Guid leadOrganisationId,
        string currency,
        ApplicationNarrative narrative,
        Guid createdBy,
        DateTimeOffset now)
    {
        if (call.Status is CallStatus.Closed or CallStatus.Decided || (call.Status == CallStatus.Open && now >= call.ClosesAt))
        {
            throw CallClosed(call);
        }

        if (call.Status != CallStatus.Open)
        {
            throw new BusinessRuleException("call-not-open", $"Applications can only be started on an Open call; this call is {call.Status}.");
        }

        return new Application(call, leadOrganisationId, currency, narrative, createdBy, now);
    }

    public void Update(ApplicationNarrative narrative, DateTimeOffset now)
    {
        RequireDraft();
        var years = YearsFor(narrative.DurationMonths);
        if (_budgetLines.Any(line => line.Year > years))
        {
            throw new BusinessRuleException(
                "budget-beyond-duration",
                $"A {narrative.DurationMonths}-month project has {years} grant year(s), but the budget has lines for later years. Shorten the budget first.");
        }

        Apply(narrative);
        UpdatedAt = now;
    }

    /// <summary>
    /// Replaces the whole budget. Amounts are in <see cref="Currency"/>. A confirmed partner whose own lines change (an
    /// amount, a year added or removed) goes back to awaiting confirmation with the years that changed; a partner already
    /// awaiting after such a reset keeps its reason, measured against what it last confirmed. Lines of the lead and of
    /// untouched partners reset nobody. Returns the partners this change reset.
    /// </summary>
    public IReadOnlyList<ApplicationMember> SetBudget(IReadOnlyCollection<BudgetLine> lines, DateTimeOffset now)
    {
        RequireDraft();
        var active = ActiveOrganisationIds.ToHashSet();
        foreach (var line in lines)
        {
            if (!active.Contains(line.OrganisationId))
            {
                throw new BusinessRuleException(
                    "budget-organisation-not-in-consortium",
                    $"Organisation '{line.OrganisationId}' is neither the lead nor an invited partner of this application.");
            }

            if (line.Year < 1 || line.Year > GrantYears)
            {
                throw new BusinessRuleException("budget-year-out-of-range", $"Budget years run from 1 to {GrantYears}; {line.Year} is outside.");
            }

            if (line.Amount.IsNegative)
            {
                throw new ArgumentOutOfRangeException(nameof(lines), "Budget amounts cannot be negative.");
            }

            if (line.Amount.Currency != Currency)
            {
                throw new ArgumentException($"Budget amounts are in the application's currency, {Currency}.", nameof(lines));
            }
        }

        if (RepeatedBudgetLineProblem(lines.Select(l => (l.OrganisationId, l.Year))) is { } repeated)
        {
            throw new BusinessRuleException("budget-line-repeated", repeated);
        }

        var before = Partners.ToDictionary(p => p.OrganisationId, p => ShareByYear(_budgetLines, p.OrganisationId));
        _budgetLines.Clear();
        _budgetLines.AddRange(lines);
        RecalculateTotal();
        UpdatedAt = now;

        var reset = new List<ApplicationMember>();
        foreach (var partner in Partners)
        {
            var after = ShareByYear(_budgetLines, partner.OrganisationId);
            if (SameShare(before[partner.OrganisationId], after))
            {
                continue;
            }

            if (partner.Status == ConsortiumMemberStatus.Confirmed)
            {
                partner.ResetConfirmation(Changes(before[partner.OrganisationId], after), now);
                reset.Add(partner);
            }
            else if (partner.Status == ConsortiumMemberStatus.Invited && partner.ConfirmationResetAt is { } resetAt)
            {
                var confirmed = new Dictionary<int, long>(before[partner.OrganisationId]);
                foreach (var change in partner.ConfirmationResetBy)
                {
                    if (change.PreviousMinorUnits is { } previous)
                    {
                        confirmed[change.Year] = previous;
                    }
                    else
                    {
                        confirmed.Remove(change.Year);
                    }
                }

                partner.ResetConfirmation(Changes(confirmed, after), resetAt);
            }
        }

        return reset;
    }

    /// <summary>
    /// A short opaque token of one organisation's own budget lines (SHA-256 of its ordered year and minor-unit pairs and
    /// the currency): a partner names the one it saw when it confirms, and a budget changed since is refused.
    /// </summary>
    public string BudgetFingerprint(Guid organisationId)
    {
        var share = ShareByYear(_budgetLines, organisationId).OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}:{pair.Value}");
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{Currency};{string.Join(";", share)}"));
        return Convert.ToHexStringLower(hash, 0, 8);
    }

    public void InvitePartner(Guid organisationId, DateTimeOffset now)
    {
        RequireDraft();
        if (organisationId == LeadOrganisationId)
        {
            throw new BusinessRuleException("lead-cannot-be-partner", "The lead organisation cannot also be a partner of its own application.");
        }

        if (organisationId == FiscalHostOrganisationId)
        {
            throw new BusinessRuleException("fiscal-host-in-consortium", "This organisation is the application's fiscal host; it cannot also be a member of the consortium.");
        }

        var existing = _members.FirstOrDefault(m => m.OrganisationId == organisationId);
        if (existing is null)
        {
            _members.Add(ApplicationMember.InvitedPartner(organisationId, now));
        }
        else if (existing.Status == ConsortiumMemberStatus.Declined)
        {
            existing.Reinvite(now);
        }
        else
        {
            throw new BusinessRuleException("partner-already-invited", $"This organisation is already a partner ({existing.Status}).");
        }

        UpdatedAt = now;
    }

    /// <summary>Takes a partner out of the consortium together with its budget lines.</summary>
    public void RemovePartner(Guid organisationId, DateTimeOffset now)
    {
        RequireDraft();
        if (organisationId == LeadOrganisationId)
        {
            throw new BusinessRuleException("lead-cannot-be-removed", "The lead organisation cannot be removed from its own application.");
        }

        var partner = RequirePartner(organisationId);
        _members.Remove(partner);
        DropBudgetOf(organisationId);
        UpdatedAt = now;
    }

    /// <summary>The partner's own confirmation of its share as it stands now, without naming what it saw.</summary>
    public void ConfirmPartner(Guid organisationId, DateTimeOffset now) => ConfirmPartner(organisationId, null, now);

    /// <summary>
    /// The partner's own confirmation of its share as it stands. When it names the <see cref="BudgetFingerprint"/> it saw
    /// and the share has changed since, nothing is confirmed. Confirming twice changes nothing; a declined partner needs a
    /// new invitation.
    /// </summary>
    public void ConfirmPartner(Guid organisationId, string? seenBudgetFingerprint, DateTimeOffset now)
    {
        RequireDraft();
        var partner = RequirePartner(organisationId);
        if (seenBudgetFingerprint is not null && seenBudgetFingerprint != BudgetFingerprint(organisationId))
        {
            throw new BusinessRuleException(
                "budget-changed-since-seen",
                "The budget lines of your organisation changed after you read them. Read your share again before confirming.");
        }

        switch (partner.Status)
        {
            case ConsortiumMemberStatus.Confirmed:
                return;
            case ConsortiumMemberStatus.Declined:
                throw new BusinessRuleException("partner-declined", "This organisation declined; the lead must invite it again before it can confirm.");
            default:
                partner.Respond(ConsortiumMemberStatus.Confirmed, now);
                UpdatedAt = now;
                break;
        }
    }

    /// <summary>The partner leaves the consortium (before or after confirming); its budget lines go with it.</summary>
    public void DeclinePartner(Guid organisationId, DateTimeOffset now)
    {
        RequireDraft();
        var partner = RequirePartner(organisationId);
        if (partner.Status == ConsortiumMemberStatus.Declined)
        {
            return;
        }

        partner.Respond(ConsortiumMemberStatus.Declined, now);
        DropBudgetOf(organisationId);
        UpdatedAt = now;
    }

    /// <summary>
    /// An unregistered lead names the registered organisation that will receive the grant and pass it on, and the host's
    /// fee; the host's owners then consent or decline. Naming another host or another fee asks the host again; naming the
    /// same again changes nothing. Returns whether the host is (again) asked to consent.
    /// </summary>
    public bool NameFiscalHost(Organisation lead, Organisation host, int feeBasisPoints, DateTimeOffset now)
    {
        RequireDraft();
        if (lead.Id != LeadOrganisationId)
        {
            throw new ArgumentException("This is not the application's lead organisation.", nameof(lead));
        }

        if (feeBasisPoints is < 0 or > MaxFiscalHostFeeBasisPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(feeBasisPoints), "A fiscal host's fee is 0 to 15 %.");
        }

        if (IsRegistered(lead))
        {
            throw new BusinessRuleException(
                "fiscal-host-for-registered-lead",
                "A registered organisation receives its grant itself; only a group without a registration number applies through a fiscal host.");
        }

        if (!IsRegistered(host))
        {
            throw new BusinessRuleException("fiscal-host-unregistered", "A fiscal host must be a registered organisation (with a registration number).");
        }

        if (_members.Any(m => m.OrganisationId == host.Id && m.Status != ConsortiumMemberStatus.Declined))
        {
            throw new BusinessRuleException("fiscal-host-in-consortium", "A fiscal host holds the money for the group; it cannot also be a member of the consortium.");
        }

        if (host.DueDiligence == DueDiligenceStatus.Failed)
        {
            throw new BusinessRuleException("fiscal-host-due-diligence-failed", "The fiscal host did not pass due diligence.");
        }

        if (FiscalHostOrganisationId == host.Id && FiscalHostFeeBasisPoints == feeBasisPoints)
        {
            return false;
        }

        FiscalHostOrganisationId = host.Id;
        FiscalHostFeeBasisPoints = feeBasisPoints;
        FiscalHostConsent = Applications.FiscalHostConsent.Requested;
        FiscalHostAnsweredAt = null;
        UpdatedAt = now;
        return true;
    }

    /// <summary>The lead applies without a fiscal host after all.</summary>
    public void RemoveFiscalHost(DateTimeOffset now)
    {
        RequireDraft();
        if (FiscalHostOrganisationId is null)
        {
            return;
        }

        FiscalHostOrganisationId = null;
        FiscalHostFeeBasisPoints = null;
        FiscalHostConsent = null;
        FiscalHostAnsweredAt = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// The host's answer, for the fee it read: a fee changed since is refused (409 <c>fiscal-host-terms-changed</c>).
    /// Answering the same again changes nothing.
    /// </summary>
    public void AnswerFiscalHost(Guid hostOrganisationId, bool consents, int? seenFeeBasisPoints, DateTimeOffset now)
    {
        RequireDraft();
        if (FiscalHostOrganisationId != hostOrganisationId)
        {
            throw new NotFoundException("Fiscal host", hostOrganisationId);
        }

        if (seenFeeBasisPoints is { } seen && seen != FiscalHostFeeBasisPoints)
        {
            throw new BusinessRuleException("fiscal-host-terms-changed", "The fee changed after you read the request. Read it again before answering.");
        }

        var answer = consents ? Applications.FiscalHostConsent.Consented : Applications.FiscalHostConsent.Declined;
        if (FiscalHostConsent == answer)
        {
            return;
        }

        FiscalHostConsent = answer;
        FiscalHostAnsweredAt = now;
        UpdatedAt = now;
    }

    /// <summary>Checks every submission rule against the call, the lead organisation and its fiscal host if it has one, then freezes the application.</summary>
    public void Submit(Call call, Organisation lead, DateTimeOffset now, Organisation? fiscalHost = null)
    {
        RequireStatus(ApplicationStatus.Submitted, ApplicationStatus.Draft);
        if (UnmetSubmissionRules(call, lead, now, fiscalHost).FirstOrDefault() is { } unmet)
        {
            throw unmet;
        }

        Status = ApplicationStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
        call.Changed();
        lead.Changed();
        fiscalHost?.Changed();
    }

    /// <summary>
    /// Every submission rule this draft does not meet yet, in the order <see cref="Submit"/> checks them, so the
    /// applicant sees the whole list before pressing submit; empty when the application can be submitted.
    /// </summary>
    public IReadOnlyList<BusinessRuleException> UnmetSubmissionRules(Call call, Organisation lead, DateTimeOffset now, Organisation? fiscalHost = null)
    {
        RequireOwn(call, lead);
        if (fiscalHost?.Id != FiscalHostOrganisationId)
        {
            throw new ArgumentException("This is not the application's fiscal host.", nameof(fiscalHost));
        }

        var unmet = new List<BusinessRuleException>();
        if (call.Status is CallStatus.Closed or CallStatus.Decided || now >= call.ClosesAt)
        {
            unmet.Add(CallClosed(call));
        }
        else if (call.Status != CallStatus.Open || now < call.OpensAt)
        {
            unmet.Add(new BusinessRuleException(
                "call-not-open",
                $"The call does not accept submissions (it is {call.Status}; submissions open at {call.OpensAt:u})."));
        }

        if (DurationMonths < call.MinDurationMonths || DurationMonths > call.MaxDurationMonths)
        {
            unmet.Add(new BusinessRuleException(
                "duration-out-of-range",
                $"The call funds projects of {call.MinDurationMonths} to {call.MaxDurationMonths} months; this one runs {DurationMonths}."));
        }

        if (!call.EligibleCountries.Contains(lead.Country))
        {
            unmet.Add(new BusinessRuleException("lead-country-not-eligible", $"Lead organisations from {lead.Country} are not eligible for this call."));
        }

        if (lead.DueDiligence == DueDiligenceStatus.Failed)
        {
            unmet.Add(new BusinessRuleException("lead-due-diligence-failed", "The lead organisation did not pass due diligence."));
        }

        var partners = Partners.Where(p => p.Status != ConsortiumMemberStatus.Declined).ToList();
        if (partners.Any(p => p.Status != ConsortiumMemberStatus.Confirmed))
        {
            var waiting = partners.Where(p => p.Status != ConsortiumMemberStatus.Confirmed).ToList();
            unmet.Add(new BusinessRuleException(
                "partners-not-confirmed",
                $"{waiting.Count} partner(s) have not confirmed the current budget yet " +
                $"({waiting.Count(p => p.ConfirmationResetAt is not null)} of them because a budget change touched their share). Wait for them or remove them."));
        }

        if (call.ConsortiumRequired && partners.Count == 0)
        {
            unmet.Add(new BusinessRuleException("consortium-required", "This call funds consortia only: at least one confirmed partner is needed."));
        }

        // A call that does not require a consortium takes single organisations; any consortium must fit the call's range.
        if (partners.Count > 0 && (partners.Count < call.MinPartners || partners.Count > call.MaxPartners))
        {
            unmet.Add(new BusinessRuleException(
                "partner-count-out-of-range",
                $"The call allows {call.MinPartners} to {call.MaxPartners} partners; this consortium has {partners.Count}."));
        }

        if (fiscalHost is not null)
        {
            if (IsRegistered(lead))
            {
                unmet.Add(new BusinessRuleException(
                    "fiscal-host-for-registered-lead",
                    "The lead organisation now has a registration number: it receives its grant itself. Remove the fiscal host."));
            }

            if (FiscalHostConsent != Applications.FiscalHostConsent.Consented)
            {
                unmet.Add(new BusinessRuleException(
                    "fiscal-host-not-consented",
                    FiscalHostConsent == Applications.FiscalHostConsent.Declined
                        ? "The fiscal host declined. Name another host or remove it."
                        : "The fiscal host has not consented yet."));
            }

            if (fiscalHost.DueDiligence == DueDiligenceStatus.Failed)
            {
                unmet.Add(new BusinessRuleException("fiscal-host-due-diligence-failed", "The fiscal host did not pass due diligence."));
            }
        }

        if (_budgetLines.Count == 0)
        {
            unmet.Add(new BusinessRuleException("budget-missing", "The application has no budget lines."));
        }
        else if (RequestedTotal < call.MinAmount || RequestedTotal > call.MaxAmount)
        {
            unmet.Add(new BusinessRuleException(
                "requested-total-out-of-range",
                $"The call funds {call.MinAmount.Amount} to {call.MaxAmount.Amount} {Currency}; " +
                $"this application requests {RequestedTotal.Amount} {Currency}."));
        }

        return unmet;
    }

    /// <summary>The lead takes a draft or a submitted application out of the call, while the call is still open.</summary>
    public void Withdraw(Call call, DateTimeOffset now)
    {
        RequireStatus(ApplicationStatus.Withdrawn, ApplicationStatus.Draft, ApplicationStatus.Submitted);
        if (call.Id != CallId)
        {
            throw new ArgumentException("This is not the application's call.", nameof(call));
        }

        if (call.Status != CallStatus.Open || now >= call.ClosesAt)
        {
            throw new BusinessRuleException("call-closed", "An application can only be withdrawn while its call is open.");
        }

        Status = ApplicationStatus.Withdrawn;
        WithdrawnAt = now;
        UpdatedAt = now;
        call.Changed();
    }

    public void StartReview()
    {
        RequireStatus(ApplicationStatus.UnderReview, ApplicationStatus.Submitted);
        Status = ApplicationStatus.UnderReview;
    }

    /// <summary>
    /// Awards a submitted application (under review or not yet), once, optionally with feedback for its consortium.
    /// Whether the call and the reviews allow it is the caller's check.
    /// </summary>
    public void Award(DateTimeOffset now, string? feedback = null)
    {
        RequireUndecided(ApplicationStatus.Awarded);
        Status = ApplicationStatus.Awarded;
        DecisionFeedback = string.IsNullOrWhiteSpace(feedback) ? null : feedback;
        DecidedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Declines a submitted application (under review or not yet) with feedback its consortium reads.</summary>
    public void Reject(string feedback, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feedback);
        RequireUndecided(ApplicationStatus.Rejected);
        Status = ApplicationStatus.Rejected;
        DecisionFeedback = feedback;
        DecidedAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// Its retention period over, the application keeps its figures (budget, requested total, status, dates) and loses
    /// the text its consortium and the officers wrote, which may describe people at risk. False when already erased.
    /// </summary>
    public bool ErasePersonalData(DateTimeOffset now)
    {
        if (PersonalDataErasedAt is not null)
        {
            return false;
        }

        Title = "";
        Summary = "";
        DecisionFeedback = null;
        PersonalDataErasedAt = now;
        return true;
    }

    /// <summary>
    /// Each consortium member's share of an award: its budget lines' share of the requested total, scaled to the
    /// awarded amount and rounded down; the rounding remainder goes to the lead. Members whose share is zero get none.
    /// </summary>
    public IReadOnlyDictionary<Guid, Money> AllocationsFor(Money awardedAmount)
    {
        if (!awardedAmount.IsPositive || awardedAmount > RequestedTotal)
        {
            throw new ArgumentOutOfRangeException(nameof(awardedAmount), "An award is positive and at most the requested total.");
        }

        var shares = _budgetLines
            .GroupBy(line => line.OrganisationId)
            .ToDictionary(g => g.Key, g => awardedAmount.ScaledBy(Money.Sum(g.Select(line => line.Amount), Currency), RequestedTotal));
        shares[LeadOrganisationId] = shares.GetValueOrDefault(LeadOrganisationId, Money.Zero(Currency)) + awardedAmount - Money.Sum(shares.Values, Currency);
        return shares.Where(share => share.Value.IsPositive).ToDictionary();
    }

    private static bool IsRegistered(Organisation organisation) => !string.IsNullOrWhiteSpace(organisation.RegistrationNumber);

    private static BusinessRuleException CallClosed(Call call) =>
        new("call-closed", $"The call closed at {(call.ClosedAt ?? call.ClosesAt):u}.");

    private void RequireOwn(Call call, Organisation lead)
    {
        if (call.Id != CallId)
        {
            throw new ArgumentException("This is not the application's call.", nameof(call));
        }

        if (lead.Id != LeadOrganisationId)
        {
            throw new ArgumentException("This is not the application's lead organisation.", nameof(lead));
        }
    }

    private ApplicationMember RequirePartner(Guid organisationId) =>
        Partners.FirstOrDefault(m => m.OrganisationId == organisationId)
        ?? throw new NotFoundException("Partner", organisationId);

    private void RequireDraft()
    {
        if (Status != ApplicationStatus.Draft)
        {
            throw new BusinessRuleException("application-not-editable", $"Only a Draft application can be changed; this application is {Status}.");
        }
    }

    private void RequireUndecided(ApplicationStatus target)
    {
        if (Status is ApplicationStatus.Awarded or ApplicationStatus.Rejected)
        {
            throw new BusinessRuleException("application-already-decided", $"This application has already been decided: it is {Status}.");
        }

        RequireStatus(target, ApplicationStatus.Submitted, ApplicationStatus.UnderReview);
    }

    private void RequireStatus(ApplicationStatus target, params ApplicationStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new BusinessRuleException(
                "application-invalid-transition",
                $"An application that is {Status} cannot become {target}; it must be {string.Join(" or ", allowed)}.");
        }
    }

    private static Dictionary<int, long> ShareByYear(IEnumerable<BudgetLine> lines, Guid organisationId) =>
        lines.Where(line => line.OrganisationId == organisationId).ToDictionary(line => line.Year, line => line.Amount.MinorUnits);

    private static bool SameShare(IReadOnlyDictionary<int, long> left, IReadOnlyDictionary<int, long> right) =>
        left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out var amount) && amount == pair.Value);

    private static List<BudgetYearChange> Changes(IReadOnlyDictionary<int, long> confirmed, IReadOnlyDictionary<int, long> current) =>
    [
        .. confirmed.Keys.Union(current.Keys)
            .Order()
            .Select(year => (year, previous: confirmed.TryGetValue(year, out var p) ? p : (long?)null, now: current.TryGetValue(year, out var n) ? n : (long?)null))
            .Where(change => change.previous != change.now)
            .Select(change => new BudgetYearChange(change.year, change.previous, change.now)),
    ];

    private void DropBudgetOf(Guid organisationId)
    {
        _budgetLines.RemoveAll(line => line.OrganisationId == organisationId);
        RecalculateTotal();
    }

    private void RecalculateTotal() => RequestedTotal = Money.Sum(_budgetLines.Select(line => line.Amount), Currency);

    private void Apply(ApplicationNarrative narrative)
    {
        Title = narrative.Title;
        Summary = narrative.Summary;
        Pillars = [.. narrative.Pillars.Distinct()];
        Countries = [.. narrative.Countries.Distinct()];
        TargetGroups = [.. narrative.TargetGroups.Distinct()];
        DurationMonths = narrative.DurationMonths;
    }
}
