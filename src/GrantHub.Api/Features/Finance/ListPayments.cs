using System.Globalization;
using System.Text;
using FluentValidation;
using GrantHub.Api.Features.OpenData;
using GrantHub.Api.Infrastructure.Http;
using GrantHub.Core.Common;
using GrantHub.Core.Data;
using GrantHub.Core.Emergency;
using GrantHub.Core.Grants;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrantHub.Api.Features.Finance;

/// <summary>Payments recorded with a paid-on date from <c>from</c> to <c>to</c> (inclusive).</summary>
public record ListPaymentsQuery(DateOnly? From, DateOnly? To) : IQuery<PaymentsResponse>;

/// <summary>
/// One recorded payment: <see cref="Payee"/> is the organisation's name, or its open-data pseudonym when it is at risk
/// (<see cref="Pseudonymised"/>), so the file can travel to accounting without naming it.
/// </summary>
public record PaymentRow(
    DateOnly PaidOn,
    Guid FundId,
    string FundName,
    MoneyItemKind Kind,
    Guid Id,
    int? TrancheNumber,
    string Subject,
    string Payee,
    bool Pseudonymised,
    decimal Amount,
    string Currency,
    string Reference);

public record PaymentsResponse(DateOnly From, DateOnly To, IReadOnlyList<PaymentRow> Items)
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] Columns = ["date", "fund", "grant_or_request", "organisation", "amount", "currency", "reference"];

    public string FileName => string.Create(CultureInfo.InvariantCulture, $"payments-{From:yyyy-MM-dd}-to-{To:yyyy-MM-dd}.csv");

    /// <summary>
    /// RFC 4180 CSV in UTF-8 with a byte-order mark (spreadsheet software reads the file as UTF-8 only with it), a header
    /// row, invariant dates (YYYY-MM-DD) and amounts with a point and the currency's decimals.
    /// </summary>
    public byte[] ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var row in Items)
        {
            string[] cells =
            [
                row.PaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                row.FundName,
                row.Subject,
                row.Payee,
                row.Amount.ToString("F" + Currencies.MinorUnitDigits(row.Currency), CultureInfo.InvariantCulture),
                row.Currency,
                row.Reference,
            ];
            csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>Quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs a cell as a formula.</summary>
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}

public sealed class ListPaymentsValidator : AbstractValidator<ListPaymentsQuery>
{
    public ListPaymentsValidator()
    {
        RuleFor(q => q.From).NotNull().IsBusinessDate();
        RuleFor(q => q.To).NotNull().IsBusinessDate();
        RuleFor(q => q.To)
            .GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must not be before 'from'.");
    }
}

/// <summary>Every paid tranche and emergency request in the period, oldest first; sensitive payees under the open-data pseudonym.</summary>
public sealed class ListPaymentsHandler(GrantHubDbContext db, IOptions<OpenDataOptions> openData)
    : IQueryHandler<ListPaymentsQuery, PaymentsResponse>
{
    public async ValueTask<PaymentsResponse> Handle(ListPaymentsQuery query, CancellationToken cancellationToken)
    {
        var first = query.From!.Value;
        var last = query.To!.Value;
        var tranches = await (
                from tranche in db.Tranches.AsNoTracking()
                join grant in db.Grants on tranche.GrantId equals grant.Id
                join fund in db.Funds on grant.FundId equals fund.Id
                join organisation in db.Organisations on (tranche.PayeeOrganisationId ?? grant.LeadOrganisationId) equals organisation.Id
                where tranche.Status == TrancheStatus.Paid && tranche.PaidOn >= first && tranche.PaidOn <= last
                select new
                {
                    PaidOn = tranche.PaidOn!.Value,
                    FundId = fund.Id,
                    FundName = fund.Name,
                    GrantId = grant.Id,
                    tranche.Number,
                    grant.GrantNumber,
                    OrganisationId = organisation.Id,
                    organisation.Name,
                    organisation.Sensitive,
                    tranche.Amount,
                    grant.Currency,
                    Reference = tranche.PaymentReference!,
                })
            .ToListAsync(cancellationToken);
        var requests = await (
                from request in db.EmergencyRequests.AsNoTracking()
                join fund in db.Funds on request.FundId equals fund.Id
                join organisation in db.Organisations on request.OrganisationId equals organisation.Id
                where request.Status == EmergencyRequestStatus.Paid && request.PaidOn >= first && request.PaidOn <= last
                select new
                {
                    PaidOn = request.PaidOn!.Value,
                    FundId = fund.Id,
                    FundName = fund.Name,
                    request.Id,
                    OrganisationId = organisation.Id,
                    organisation.Name,
                    organisation.Sensitive,
                    request.Amount,
                    request.Currency,
                    Reference = request.PaymentReference!,
                })
            .ToListAsync(cancellationToken);

        var pseudonyms = new Lazy<OpenDataPseudonyms>(Pseudonyms);
        string Payee(Guid organisationId, string name, bool sensitive) => sensitive ? pseudonyms.Value.Organisation(organisationId) : name;

        IEnumerable<PaymentRow> rows =
        [
            .. tranches.Select(t => new PaymentRow(
                t.PaidOn, t.FundId, t.FundName, MoneyItemKind.Tranche, t.GrantId, t.Number, $"{t.GrantNumber}/{t.Number}",
                Payee(t.OrganisationId, t.Name, t.Sensitive), t.Sensitive, t.Amount.Amount, t.Currency, t.Reference)),
            .. requests.Select(r => new PaymentRow(
                r.PaidOn, r.FundId, r.FundName, MoneyItemKind.EmergencyRequest, r.Id, null, $"ER-{r.Id:N}",
                Payee(r.OrganisationId, r.Name, r.Sensitive), r.Sensitive, r.Amount.Amount, r.Currency, r.Reference)),
        ];
        return new PaymentsResponse(first, last, [.. rows.OrderBy(r => r.PaidOn).ThenBy(r => r.Subject, StringComparer.Ordinal)]);
    }

    /// <summary>The open-data pseudonyms, so an at-risk organisation carries the same name in the accounts as in published data.</summary>
    private OpenDataPseudonyms Pseudonyms()
    {
        var options = openData.Value;
        if (options.PseudonymSecret.Length < OpenDataOptions.MinimumSecretLength)
        {
            throw new BusinessRuleException(
                "open-data-secret-missing",
                $"Set OpenData:PseudonymSecret (at least {OpenDataOptions.MinimumSecretLength} characters): without it the payments to at-risk organisations cannot be exported.");
        }

        return new OpenDataPseudonyms(Encoding.UTF8.GetBytes(options.PseudonymSecret), options.IdentifierPrefix);
    }
}
