using System.Globalization;
using System.Text;
using System.Xml;
using static GrantHub.Api.Features.OpenData.OpenDataVocabulary;

namespace GrantHub.Api.Features.OpenData;

/// <summary>
/// Writes an IATI 2.03 activities file, one <c>iati-activity</c> per grant, straight to the output stream: the funder
/// reports, funds, and each consortium member implements; sectors from the pillars; aid type B01 (core support to
/// NGOs), finance type 110 (standard grant), the gender-equality policy marker as principal objective; a budget per
/// grant year; an outgoing commitment at award and a disbursement for each paid tranche.
/// </summary>
public static class IatiActivitiesWriter
{
    public const string ContentType = "application/xml";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    public static async Task<int> WriteAsync(
        Stream output, IAsyncEnumerable<PublishedGrant> grants, OpenDataExportContext context, CancellationToken cancellationToken)
    {
        // XmlWriter writes synchronously: it writes into this small buffer, which is copied to the response
        // asynchronously every few activities, so memory stays constant and the response never blocks a thread.
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("iati-activities");
            xml.WriteAttributeString("version", "2.03");
            xml.WriteAttributeString("generated-datetime", DateTime(context.Issued));
            var count = 0;
            await foreach (var grant in grants.WithCancellation(cancellationToken))
            {
                WriteActivity(xml, grant, context);
                count++;
                xml.Flush();
                if (buffer.Length > 64 * 1024)
                {
                    await DrainAsync(buffer, output, cancellationToken);
                }
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
            xml.Flush();
            await DrainAsync(buffer, output, cancellationToken);
            return count;
        }
    }

    private static async Task DrainAsync(MemoryStream buffer, Stream output, CancellationToken cancellationToken)
    {
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
        buffer.SetLength(0);
    }

    private static void WriteActivity(XmlWriter xml, PublishedGrant grant, OpenDataExportContext context)
    {
        var (options, language, issued) = context;
        xml.WriteStartElement("iati-activity");
        xml.WriteAttributeString("xml", "lang", XmlNamespace, language);
        xml.WriteAttributeString("default-currency", grant.Currency);
        xml.WriteAttributeString("last-updated-datetime", DateTime(issued));
        xml.WriteAttributeString("hierarchy", "1");
        xml.WriteElementString("iati-identifier", grant.Identifier);

        xml.WriteStartElement("reporting-org");
        xml.WriteAttributeString("ref", options.FunderIdentifier);
        xml.WriteAttributeString("type", options.FunderIatiType);
        Narrative(xml, options.FunderName);
        xml.WriteEndElement();

        xml.WriteStartElement("title");
        Narrative(xml, grant.Title);
        xml.WriteEndElement();
        xml.WriteStartElement("description");
        xml.WriteAttributeString("type", "1");
        Narrative(xml, grant.Description);
        xml.WriteEndElement();

        ParticipatingOrg(xml, "1", options.FunderIdentifier, options.FunderIatiType, options.FunderName);
        foreach (var recipient in grant.Recipients)
        {
            ParticipatingOrg(xml, "4", recipient.Identifier, type: null, recipient.Name);
        }

        // A fiscal host is legally answerable to the funder for the money it receives and passes on to the group:
        // OrganisationRole 2, Accountable.
        if (grant.FiscalHost is { } host)
        {
            ParticipatingOrg(xml, "2", host.Organisation.Identifier, type: null, host.Organisation.Name);
        }

        Code(xml, "activity-status", ((int)grant.Status).ToString(CultureInfo.InvariantCulture));
        if (grant.PlannedStart is { } start && grant.PlannedEnd is { } end)
        {
            ActivityDate(xml, "1", start);
            ActivityDate(xml, "3", end);
        }
        else
        {
            ActivityDate(xml, "2", grant.AwardDate);
        }

        if (grant.ActualEnd is { } actualEnd)
        {
            ActivityDate(xml, "4", actualEnd);
        }

        var countries = grant.BeneficiaryLocations.Where(l => l.CountryCode is not null).Select(l => l.CountryCode!).ToList();
        foreach (var (country, percentage) in Shares(countries))
        {
            xml.WriteStartElement("recipient-country");
            xml.WriteAttributeString("code", country);
            xml.WriteAttributeString("percentage", percentage);
            xml.WriteEndElement();
        }

        var regions = grant.BeneficiaryLocations.Where(l => l.Region is not null).Select(l => l.Region!).ToList();
        foreach (var (region, percentage) in Shares(regions))
        {
            xml.WriteStartElement("recipient-region");
            xml.WriteAttributeString("code", region.Code);
            xml.WriteAttributeString("vocabulary", "2");
            xml.WriteAttributeString("percentage", percentage);
            Narrative(xml, region.Name(language));
            xml.WriteEndElement();
        }

        var sectors = grant.Emergency || grant.Pillars.Count == 0
            ? [WomensRightsSector]
            : grant.Pillars.Select(DacSector).Distinct().ToList();
        foreach (var (sector, percentage) in Shares(sectors))
        {
            xml.WriteStartElement("sector");
            xml.WriteAttributeString("vocabulary", "1");
            xml.WriteAttributeString("code", sector);
            xml.WriteAttributeString("percentage", percentage);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("policy-marker");
        xml.WriteAttributeString("vocabulary", "1");
        xml.WriteAttributeString("code", "1");
        xml.WriteAttributeString("significance", "2");
        xml.WriteEndElement();

        Code(xml, "default-flow-type", "30");
        Code(xml, "default-finance-type", "110");
        xml.WriteStartElement("default-aid-type");
        xml.WriteAttributeString("code", "B01");
        xml.WriteAttributeString("vocabulary", "1");
        xml.WriteEndElement();

        foreach (var budget in grant.Budgets)
        {
            xml.WriteStartElement("budget");
            xml.WriteAttributeString("type", "1");
            xml.WriteAttributeString("status", "2");
            IsoDateElement(xml, "period-start", budget.Start);
            IsoDateElement(xml, "period-end", budget.End);
            Value(xml, budget.Amount, grant.Currency, budget.Start);
            xml.WriteEndElement();
        }

        Transaction(xml, "2", grant.AwardDate, grant.Amount, grant, options);
        foreach (var disbursement in grant.Disbursements)
        {
            Transaction(xml, "3", disbursement.Date, disbursement.Amount, grant, options);
        }

        xml.WriteEndElement();
    }

    private static void Transaction(XmlWriter xml, string type, DateOnly date, long amount, PublishedGrant grant, OpenDataOptions options)
    {
        xml.WriteStartElement("transaction");
        Code(xml, "transaction-type", type);
        IsoDateElement(xml, "transaction-date", date);
        Value(xml, amount, grant.Currency, date);
        xml.WriteStartElement("provider-org");
        xml.WriteAttributeString("ref", options.FunderIdentifier);
        Narrative(xml, options.FunderName);
        xml.WriteEndElement();
        xml.WriteStartElement("receiver-org");
        xml.WriteAttributeString("ref", grant.Lead.Identifier);
        Narrative(xml, grant.Lead.Name);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void ParticipatingOrg(XmlWriter xml, string role, string reference, string? type, string name)
    {
        xml.WriteStartElement("participating-org");
        xml.WriteAttributeString("ref", reference);
        if (type is not null)
        {
            xml.WriteAttributeString("type", type);
        }

        xml.WriteAttributeString("role", role);
        Narrative(xml, name);
        xml.WriteEndElement();
    }

    private static void ActivityDate(XmlWriter xml, string type, DateOnly date)
    {
        xml.WriteStartElement("activity-date");
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("iso-date", IsoDate(date));
        xml.WriteEndElement();
    }

    private static void IsoDateElement(XmlWriter xml, string element, DateOnly date)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("iso-date", IsoDate(date));
        xml.WriteEndElement();
    }

    private static void Value(XmlWriter xml, long amount, string currency, DateOnly valueDate)
    {
        xml.WriteStartElement("value");
        xml.WriteAttributeString("currency", currency);
        xml.WriteAttributeString("value-date", IsoDate(valueDate));
        xml.WriteString(Major(amount, currency).ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }

    private static void Code(XmlWriter xml, string element, string code)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("code", code);
        xml.WriteEndElement();
    }

    private static void Narrative(XmlWriter xml, string text) => xml.WriteElementString("narrative", text);

    /// <summary>Equal percentages that add up to exactly 100 (the remainder goes to the first).</summary>
    private static IEnumerable<(T Item, string Percentage)> Shares<T>(IReadOnlyList<T> items) =>
        items.Select((item, index) => (item, (100 / items.Count + (index == 0 ? 100 % items.Count : 0)).ToString(CultureInfo.InvariantCulture)));

    private static string DateTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
