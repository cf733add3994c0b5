using System.Globalization;
using GrantHub.Agreements.Layout;

namespace GrantHub.Agreements.Composition;

/// <summary>Lays out the sections of a grant agreement, in order, onto a <see cref="PageFlow"/>.</summary>
internal sealed class AgreementComposer
{
    private const double SpaceBeforeSignatureBlocks = 10;

    private readonly AgreementDocument _agreement;
    private readonly PageFlow _flow;
    private readonly FlowWriter _text;
    private readonly TableWriter _tables;
    private readonly SignatureBlockWriter _signatures;
    private int _sectionNumber;

    public AgreementComposer(AgreementDocument agreement, PageFlow flow, AgreementStyle style)
    {
        _agreement = agreement;
        _flow = flow;
        _text = new FlowWriter(flow, style);
        _tables = new TableWriter(flow, style);
        _signatures = new SignatureBlockWriter(flow, style);
    }

    public void Compose()
    {
        WriteTitle();
        WriteParties();
        if (!string.IsNullOrWhiteSpace(_agreement.FiscalHostNote))
        {
            WriteClause("Fiscal host", _agreement.FiscalHostNote);
        }

        WriteAmount();
        WritePeriod();
        WritePaymentSchedule();
        WriteReportingSchedule();
        WriteClause("Core funding", StandardClauses.CoreFunding);
        WriteClause("Safeguarding", StandardClauses.Safeguarding);
        WriteClause("Do no harm", StandardClauses.DoNoHarm);
        WriteClause("Data protection", StandardClauses.DataProtection);
        if (!string.IsNullOrWhiteSpace(_agreement.AmendmentNotes))
        {
            WriteClause("Amendments", _agreement.AmendmentNotes);
        }

        WriteSignatures();
    }

    private void WriteTitle()
    {
        _text.Title("Core Funding Grant Agreement");
        _text.Space(8);
        _text.LabelledValue("Grant number", _agreement.GrantNumber);
        _text.LabelledValue("Fund", _agreement.FundName);
        _text.LabelledValue("Agreement version", $"{_agreement.Version}, generated {AgreementFormat.Instant(_agreement.GeneratedAt)}");
    }

    private void WriteParties()
    {
        Heading("Parties");
        var consortium = HasPartners
            ? "which receives the Grant on its own behalf and on behalf of the consortium partners listed below " +
              "(\"the Partners\"; together with the Lead Organisation, \"the Organisations\")."
            : "which receives the Grant on its own behalf; references to the Organisations mean the Lead Organisation.";
        _text.Paragraph(
            $"This agreement is made between {_agreement.FunderName} (\"the Funder\"), acting through its " +
            $"{_agreement.FundName}, and {_agreement.Lead.Name} (\"the Lead Organisation\"), {consortium}");

        _tables.Write(
            [
                new TableColumn("Organisation", 40),
                new TableColumn("Role", 11),
                new TableColumn("Country", 11),
                new TableColumn("Registration no.", 18),
                new TableColumn("Allocation", 20, AlignRight: true),
            ],
            _agreement.Partners
                .Select(partner => PartyRow(partner, "Partner"))
                .Prepend(PartyRow(_agreement.Lead, "Lead")));
    }

    private IReadOnlyList<string> PartyRow(AgreementParty party, string role) =>
        [party.Name, role, party.Country, party.RegistrationNumber ?? "Not registered", Money(party.Allocation)];

    private void WriteAmount()
    {
        Heading("Grant amount");
        _text.LabelledValue("Total grant amount", Money(_agreement.TotalAmount));
        _text.Space(4);
        _text.Paragraph(
            $"The Funder awards a grant of {Money(_agreement.TotalAmount)} (\"the Grant\"), shared according to the " +
            "allocations in the table of parties above. The Grant does not oblige the Funder to any further funding.");
    }

    private void WritePeriod()
    {
        Heading("Grant period");
        var period = $"{AgreementFormat.Date(_agreement.StartDate)} to {AgreementFormat.Date(_agreement.EndDate)}";
        _text.LabelledValue("Grant period", period);
        _text.Space(4);
        _text.Paragraph(
            $"The grant period runs from {period}, both days included. The Grant may be spent at any time " +
            "during the grant period; an extension of the period is agreed in writing as an amendment.");
    }

    private void WritePaymentSchedule()
    {
        Heading("Payment schedule");
        if (_agreement.Tranches.Count == 0)
        {
            _text.Paragraph("No tranches are scheduled yet; the Funder agrees the payment schedule with the Lead Organisation in writing.");
            return;
        }

        if (_agreement.PaysMembersDirectly)
        {
            _text.Paragraph(
                "The Funder pays each member of the consortium its part of every instalment directly, in the tranches below; " +
                "each names the member it is paid to. A tranche is paid on or after its planned date once its condition, if " +
                "any, is met. No member passes money on to another.");
        }
        else
        {
            var passingOn = HasPartners
                ? " The Lead Organisation passes on to each Partner its share of every tranche, in proportion to its allocation, within 30 days of receiving it."
                : string.Empty;
            _text.Paragraph(
                "The Funder pays the Grant to the Lead Organisation in the tranches below. A tranche is paid on or " +
                "after its planned date once its condition, if any, is met." + passingOn);
        }
        _tables.Write(
            [
                new TableColumn("No.", 7),
                new TableColumn("Planned date", 23),
                new TableColumn("Amount", 23, AlignRight: true),
                new TableColumn("Condition", 47),
            ],
            _agreement.Tranches.Select(IReadOnlyList<string> (tranche) =>
            [
                tranche.Number.ToString(CultureInfo.InvariantCulture),
                AgreementFormat.Date(tranche.PlannedDate),
                Money(tranche.Amount),
                string.IsNullOrWhiteSpace(tranche.Condition) ? "None" : tranche.Condition,
            ]));
    }

    private void WriteReportingSchedule()
    {
        Heading("Reporting schedule");
        if (_agreement.Reports.Count == 0)
        {
            _text.Paragraph("No reports are due under this agreement.");
            return;
        }

        _text.Paragraph(
            "Reporting is deliberately light: one combined narrative and financial report per grant year and a " +
            "final report. The Organisations may submit a report prepared for another funder where it covers the " +
            "same period and information.");
        _tables.Write(
            [
                new TableColumn("No.", 7),
                new TableColumn("Report", 50),
                new TableColumn("Period", 20),
                new TableColumn("Due on", 23),
            ],
            _agreement.Reports.Select(IReadOnlyList<string> (report, index) =>
            [
                (index + 1).ToString(CultureInfo.InvariantCulture),
                report.Title,
                report.PeriodYear is { } year ? $"Year {year}" : "Whole grant",
                AgreementFormat.Date(report.DueOn),
            ]));
    }

    private void WriteClause(string heading, string text)
    {
        Heading(heading);
        _text.Paragraph(text);
    }

    private void WriteSignatures()
    {
        var explanation = HasPartners
            ? $"{StandardClauses.SigningParties} {StandardClauses.PartnersCountersign} {StandardClauses.SameVersion} {StandardClauses.ElectronicSignature}"
            : $"{StandardClauses.SigningParties} {StandardClauses.SameVersion} {StandardClauses.ElectronicSignature}";
        SignatureBlock[] blocks =
        [
            new("For the Funder", _agreement.FunderName),
            new("For the Lead Organisation", _agreement.Lead.Name),
            .. _agreement.Partners.Select(partner => new SignatureBlock("For the Partner", partner.Name)),
        ];

        _flow.EnsureSpace(_text.HeadingHeight + _text.ParagraphHeight(explanation) + SpaceBeforeSignatureBlocks + _signatures.FirstRowHeight(blocks));
        Heading("Signatures");
        _text.Paragraph(explanation);
        _text.Space(SpaceBeforeSignatureBlocks);
        _signatures.Write(blocks);
    }

    private void Heading(string title) => _text.Heading($"{++_sectionNumber}. {title}");

    private bool HasPartners => _agreement.Partners.Count > 0;

    private string Money(decimal amount) => AgreementFormat.Money(amount, _agreement.Currency);
}
