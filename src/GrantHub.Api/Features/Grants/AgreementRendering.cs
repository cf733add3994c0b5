using System.Globalization;
using GrantHub.Agreements;
using GrantHub.Core.Common;
using GrantHub.Core.Grants;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.Grants;

/// <summary>Configuration section <c>Agreements</c>.</summary>
public sealed class AgreementOptions
{
    public const string Section = "Agreements";

    /// <summary>The legal name of the funder, as it appears in every agreement.</summary>
    public string FunderName { get; set; } = "";
}

/// <summary>An organisation as the agreement names it.</summary>
public record AgreementOrganisation(string Name, string Country, string? RegistrationNumber);

/// <summary>What the agreement states beyond the grant itself.</summary>
public record AgreementParticulars(
    string FundName,
    IReadOnlyDictionary<Guid, AgreementOrganisation> Organisations,
    int Version,
    DateTimeOffset GeneratedAt);

/// <summary>Turns a grant into its agreement PDF. The same input always gives the same bytes.</summary>
public interface IAgreementRenderer
{
    byte[] Render(Grant grant, AgreementParticulars particulars);
}

/// <summary>Maps a grant onto the agreement library's document model and renders it with PDFsharp.</summary>
public sealed class PdfAgreementRenderer(AgreementPdfRenderer renderer, IOptions<AgreementOptions> options) : IAgreementRenderer
{
    public byte[] Render(Grant grant, AgreementParticulars particulars)
    {
        var currency = grant.Currency;
        AgreementParty Party(Guid organisationId)
        {
            var organisation = particulars.Organisations[organisationId];
            var allocation = grant.Allocations.FirstOrDefault(a => a.OrganisationId == organisationId)?.Amount ?? Money.Zero(currency);
            return new AgreementParty(organisation.Name, organisation.Country, organisation.RegistrationNumber, allocation.Amount);
        }

        return renderer.Render(new AgreementDocument
        {
            GrantNumber = grant.GrantNumber,
            FunderName = options.Value.FunderName,
            FundName = particulars.FundName,
            Currency = currency,
            TotalAmount = grant.Amount.Amount,
            StartDate = grant.StartDate,
            EndDate = grant.EndDate,
            Lead = Party(grant.LeadOrganisationId),
            Partners =
            [
                .. grant.Allocations
                    .Where(a => a.OrganisationId != grant.LeadOrganisationId)
                    .Select(a => Party(a.OrganisationId))
                    .OrderBy(p => p.Name, StringComparer.Ordinal),
            ],
            Tranches =
            [
                .. grant.Tranches
                    .Where(t => t.Status != TrancheStatus.Cancelled)
                    .OrderBy(t => t.Number)
                    .Select(t => new AgreementTranche(t.Number, t.PlannedDate, t.Amount.Amount, TrancheTerms(grant, t, particulars))),
            ],
            Reports =
            [
                .. grant.Reports.OrderBy(r => r.PeriodYear).Select(r => r.Kind == ReportKind.Final
                    ? new AgreementReport("Final narrative and financial report", null, r.DueOn)
                    : new AgreementReport("Annual narrative and financial report", r.PeriodYear, r.DueOn)),
            ],
            Version = particulars.Version,
            GeneratedAt = particulars.GeneratedAt,
            AmendmentNotes = AmendmentNotes(grant),
            FiscalHostNote = FiscalHostNote(grant, particulars),
            PaysMembersDirectly = grant.PaysMembersDirectly,
        });
    }

    private static string? FiscalHostNote(Grant grant, AgreementParticulars particulars)
    {
        if (grant.FiscalHostOrganisationId is not { } hostId)
        {
            return null;
        }

        var host = particulars.Organisations[hostId];
        var lead = particulars.Organisations[grant.LeadOrganisationId];
        var registration = host.RegistrationNumber is { } number ? $", registration number {number}" : "";
        var fee = (grant.FiscalHostFeeBasisPoints!.Value / 100m).ToString("0.##", CultureInfo.InvariantCulture);
        var feeAmount = grant.FiscalHostFee!.Value.Amount.ToString("N" + Currencies.MinorUnitDigits(grant.Currency), CultureInfo.InvariantCulture);
        return $"{host.Name} ({host.Country}{registration}) acts as fiscal host for {lead.Name}, which is not registered. " +
               $"The fiscal host receives every payment under this agreement on behalf of {lead.Name} and passes it on in full, " +
               $"less a fee of {fee} % of each payment received ({grant.Currency} {feeAmount} on the whole grant). " +
               "It accounts to the Funder for the money it receives and passes on.";
    }

    /// <summary>The tranche's condition; under direct payment preceded by the member it is paid to.</summary>
    private static string TrancheTerms(Grant grant, Tranche tranche, AgreementParticulars particulars)
    {
        var condition = ConditionText(grant, tranche);
        if (!grant.PaysMembersDirectly || tranche.PayeeOrganisationId is not { } payee || !particulars.Organisations.TryGetValue(payee, out var paid))
        {
            return condition;
        }

        return condition.Length == 0 ? $"Paid to {paid.Name}" : $"Paid to {paid.Name}; {condition}";
    }

    private static string ConditionText(Grant grant, Tranche tranche) => tranche.Condition switch
    {
        TrancheCondition.PreviousAnnualReportAccepted =>
            $"Annual report for year {grant.Period.YearOf(tranche.PlannedDate) - 1} accepted",
        _ => "",
    };

    private static string? AmendmentNotes(Grant grant)
    {
        if (grant.Amendments.Count == 0)
        {
            return null;
        }

        return string.Join('\n', grant.Amendments.OrderBy(a => a.Number).Select(a =>
        {
            var date = a.At.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
            var change = a.Kind switch
            {
                AmendmentKind.NoCostExtension =>
                    $"no-cost extension of the grant period from {Day(a.PreviousEndDate)} to {Day(a.NewEndDate!.Value)}; the reporting schedule above follows the new end date.",
                _ =>
                    $"top-up of {grant.Currency} {a.Amount!.Value.Amount.ToString("N" + Currencies.MinorUnitDigits(grant.Currency), CultureInfo.InvariantCulture)}, " +
                    $"shared among the Organisations in proportion to their allocations and paid as tranche {TopUpTrancheNumber(grant, a)}, " +
                    "which falls due once an agreement version including this amendment is signed.",
            };
            return $"Amendment {a.Number} of {date}: {change} Reason: {a.Reason}";
        }));
    }

    private static int TopUpTrancheNumber(Grant grant, GrantAmendment topUp) => grant.Tranches.Single(t => t.AmendmentId == topUp.Id).Number;

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
