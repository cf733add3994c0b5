using GrantHub.Api.Infrastructure.Pipeline;
using GrantHub.Core.Common;
using GrantHub.Core.Grants;

namespace GrantHub.Api.Features.Grants;

public record GrantAllocationResponse(Guid OrganisationId, decimal Amount);

/// <summary><c>payeeOrganisationId</c> is null for a tranche paid to the lead for the consortium, else the member paid directly.</summary>
public record GrantTrancheSummary(int Number, decimal Amount, DateOnly PlannedDate, TrancheCondition Condition, TrancheStatus Status, Guid? PayeeOrganisationId);

public record GrantReportSummary(Guid Id, ReportKind Kind, int PeriodYear, DateOnly DueOn, ReportStatus Status);

public record AgreementSignatureResponse(SigningParty Party, Guid? OrganisationId, DateTimeOffset SignedAt);

public record MissingSignatureResponse(SigningParty Party, Guid? OrganisationId);

/// <summary>
/// One agreement version with who signed it and who is still missing. <c>signedAt</c> is when the last party signed.
/// Only the latest version can be signed: an older one that never got every signature is <c>voided</c> (its signatures
/// stay as history) and misses nobody any more.
/// </summary>
public record AgreementVersionResponse(
    int Version,
    string Sha256,
    DateTimeOffset GeneratedAt,
    DateTimeOffset? SignedAt,
    bool Voided,
    IReadOnlyList<AgreementSignatureResponse> Signatures,
    IReadOnlyList<MissingSignatureResponse> MissingSignatures)
{
    public static AgreementVersionResponse From(Grant grant, AgreementVersion version)
    {
        var voided = !version.IsSigned && version.Version != grant.LatestAgreementVersion?.Version;
        return new(
            version.Version,
            version.Sha256,
            version.GeneratedAt,
            version.SignedAt,
            voided,
            [.. version.Signatures.OrderBy(s => s.SignedAt).ThenBy(s => s.Party).Select(s => new AgreementSignatureResponse(s.Party, s.OrganisationId, s.SignedAt))],
            voided ? [] : [.. grant.MissingSignatures(version).Select(m => new MissingSignatureResponse(m.Party, m.OrganisationId))]);
    }
}

/// <summary>An amendment is in force (<c>effectiveAt</c>) once the agreement version that includes it is signed.</summary>
public record GrantAmendmentResponse(
    Guid Id,
    int Number,
    AmendmentKind Kind,
    DateOnly PreviousEndDate,
    DateOnly? NewEndDate,
    decimal? Amount,
    string Reason,
    DateTimeOffset At,
    Guid By,
    int? AgreementVersion,
    DateTimeOffset? EffectiveAt)
{
    public static GrantAmendmentResponse From(GrantAmendment amendment, string currency) => new(
        amendment.Id,
        amendment.Number,
        amendment.Kind,
        amendment.PreviousEndDate,
        amendment.NewEndDate,
        amendment.Amount?.Amount,
        amendment.Reason,
        amendment.At,
        amendment.By,
        amendment.AgreementVersion,
        amendment.EffectiveAt);
}

public record GrantResponse(
    Guid Id,
    string GrantNumber,
    Guid ApplicationId,
    Guid FundId,
    Guid LeadOrganisationId,
    GrantStatus Status,
    decimal Amount,
    string Currency,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<GrantAllocationResponse> Allocations,
    IReadOnlyList<GrantTrancheSummary> Tranches,
    IReadOnlyList<GrantReportSummary> Reports,
    IReadOnlyList<AgreementVersionResponse> AgreementVersions,
    IReadOnlyList<GrantAmendmentResponse> Amendments,
    bool PaysMembersDirectly,
    GrantFiscalHostResponse? FiscalHost = null) : IHasId
{
    public static GrantResponse From(Grant grant)
    {
        var currency = grant.Currency;
        return new GrantResponse(
            grant.Id,
            grant.GrantNumber,
            grant.ApplicationId,
            grant.FundId,
            grant.LeadOrganisationId,
            grant.Status,
            grant.Amount.Amount,
            currency,
            grant.StartDate,
            grant.EndDate,
            [
                .. grant.Allocations
                    .OrderByDescending(a => a.OrganisationId == grant.LeadOrganisationId)
                    .ThenBy(a => a.OrganisationId)
                    .Select(a => new GrantAllocationResponse(a.OrganisationId, a.Amount.Amount)),
            ],
            [
                .. grant.Tranches.OrderBy(t => t.Number).Select(t =>
                    new GrantTrancheSummary(t.Number, t.Amount.Amount, t.PlannedDate, t.Condition, t.Status, t.PayeeOrganisationId)),
            ],
            [.. grant.Reports.OrderBy(r => r.PeriodYear).Select(r => new GrantReportSummary(r.Id, r.Kind, r.PeriodYear, r.DueOn, r.Status))],
            [.. grant.AgreementVersions.OrderBy(v => v.Version).Select(v => AgreementVersionResponse.From(grant, v))],
            [.. grant.Amendments.OrderBy(a => a.Number).Select(a => GrantAmendmentResponse.From(a, currency))],
            grant.PaysMembersDirectly,
            grant.FiscalHostOrganisationId is { } hostId
                ? new GrantFiscalHostResponse(hostId, grant.FiscalHostFeeBasisPoints!.Value / 100m, grant.FiscalHostFee!.Value.Amount)
                : null);
    }
}

/// <summary>The registered organisation that receives and passes on the grant for a group without registration, its fee in percent and on the whole amount.</summary>
public record GrantFiscalHostResponse(Guid OrganisationId, decimal FeePercent, decimal FeeAmount);
