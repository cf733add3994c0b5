namespace GrantHub.Agreements.Tests;

public sealed class AgreementContentTests
{
    private readonly RenderedAgreement _agreement = RenderedAgreement.Of(AgreementSamples.ConsortiumGrant());

    [Fact]
    public void Agreement_is_titled_with_its_grant_number_and_version()
    {
        Assert.StartsWith("Core Funding Grant Agreement", _agreement.Pages[0]);
        Assert.Contains("Grant number GH-2026-0042", _agreement.Text);
        Assert.Contains("Agreement version 2, generated 20 February 2026, 09:30 UTC", _agreement.Text);
    }

    [Fact]
    public void Agreement_names_funder_fund_lead_and_every_partner_with_its_allocation()
    {
        Assert.Contains("between Nordic Foundation for Peace (\"the Funder\"), acting through its Women, Peace and Security Core Fund", _agreement.Text);
        Assert.Contains("Women's Peace Network Lead KE NGO/2015/1234 USD 500,000.00", _agreement.Text);
        Assert.Contains($"{AgreementSamples.FrenchPartnerName} Partner CD RDC/ASBL/0931 USD 300,000.00", _agreement.Text);
        Assert.Contains($"{AgreementSamples.RussianPartnerName} Partner KG KG-ОО-2211 USD 250,000.00", _agreement.Text);
        Assert.Contains("Mujeres Rurales en Acción Partner CO Not registered USD 200,000.00", _agreement.Text);
    }

    [Fact]
    public void Agreement_states_the_total_amount_with_currency_code_and_thousands_separators()
    {
        Assert.Contains("Total grant amount USD 1,250,000.00", _agreement.Text);
    }

    [Fact]
    public void Agreement_states_the_grant_period()
    {
        Assert.Contains("Grant period 1 March 2026 to 28 February 2029", _agreement.Text);
    }

    [Fact]
    public void Agreement_lists_every_tranche_with_planned_date_amount_and_condition()
    {
        Assert.Contains("No. Planned date Amount Condition", _agreement.Text);
        Assert.Contains("1 15 March 2026 USD 500,000.00 None", _agreement.Text);
        Assert.Contains("2 15 March 2027 USD 450,000.00 Previous annual report accepted", _agreement.Text);
        Assert.Contains("3 15 March 2028 USD 300,000.00 Previous annual report accepted", _agreement.Text);
    }

    [Fact]
    public void Agreement_lists_every_report_with_period_and_due_date()
    {
        Assert.Contains("No. Report Period Due on", _agreement.Text);
        Assert.Contains("1 Annual narrative and financial report Year 1 28 February 2027", _agreement.Text);
        Assert.Contains("2 Annual narrative and financial report Year 2 29 February 2028", _agreement.Text);
        Assert.Contains("3 Final report Whole grant 31 May 2029", _agreement.Text);
    }

    [Theory]
    [InlineData("Core funding")]
    [InlineData("Safeguarding")]
    [InlineData("Do no harm")]
    [InlineData("Data protection")]
    public void Agreement_contains_the_standard_clause(string heading)
    {
        Assert.Matches($@"\d+\. {heading} ", _agreement.Text);
    }

    [Fact]
    public void Core_funding_clause_allows_unrestricted_use_for_the_organisations_missions()
    {
        Assert.Contains("This Grant is core funding. Each Organisation may use its allocation for any lawful purpose that supports its own mission", _agreement.Text);
    }

    [Fact]
    public void Agreement_ends_with_a_signature_block_for_the_funder_the_lead_organisation_and_each_partner()
    {
        var lastPage = _agreement.Pages[^1];
        Assert.Contains("For the Funder Nordic Foundation for Peace Signature Name Title Date", lastPage);
        Assert.Contains("For the Lead Organisation Women's Peace Network Signature Name Title Date", lastPage);
        Assert.All(
            AgreementSamples.ConsortiumGrant().Partners,
            partner => Assert.Contains($"For the Partner {partner.Name} Signature Name Title Date", _agreement.Text));
        Assert.Contains("Each Partner countersigns this agreement", _agreement.Text);
        Assert.Contains("when every party has signed the same version", _agreement.Text);
    }

    [Fact]
    public void Agreement_without_amendment_notes_has_no_amendments_clause()
    {
        Assert.DoesNotContain("Amendments", _agreement.Text);
    }

    [Fact]
    public void Amendment_notes_appear_as_their_own_clause()
    {
        var amended = AgreementSamples.ConsortiumGrant() with
        {
            AmendmentNotes = "No-cost extension of the grant period by six months, agreed on 1 February 2029.",
        };

        var text = RenderedAgreement.Of(amended).Text;

        Assert.Matches(@"\d+\. Amendments No-cost extension of the grant period by six months, agreed on 1 February 2029\.", text);
    }

    [Fact]
    public void Amounts_in_a_currency_without_minor_units_show_no_decimals()
    {
        var westAfricanGrant = AgreementSamples.ConsortiumGrant() with { Currency = "XOF", TotalAmount = 750_000_000m };

        var text = RenderedAgreement.Of(westAfricanGrant).Text;

        Assert.Contains("Total grant amount XOF 750,000,000", text);
        Assert.Contains("XOF 500,000 None", text);
    }

    [Fact]
    public void Single_organisation_grant_without_schedules_still_reads_as_a_complete_agreement()
    {
        var soloGrant = AgreementSamples.ConsortiumGrant() with { Partners = [], Tranches = [], Reports = [] };

        var text = RenderedAgreement.Of(soloGrant).Text;

        Assert.Contains("which receives the Grant on its own behalf; references to the Organisations mean the Lead Organisation.", text);
        Assert.Contains("No tranches are scheduled yet", text);
        Assert.Contains("No reports are due under this agreement", text);
        Assert.DoesNotContain(" Partner ", text);
    }
}
