namespace GrantHub.Agreements.Tests;

public sealed class AgreementScriptTests
{
    [Fact]
    public void Accented_latin_and_cyrillic_organisation_names_come_back_intact()
    {
        var text = RenderedAgreement.Of(AgreementSamples.ConsortiumGrant()).Text;

        Assert.Contains("Fédération des Femmes", text);
        Assert.Contains("Ассоциация женщин", text);
        Assert.Contains("Mujeres Rurales en Acción", text);
    }

    [Fact]
    public void Cyrillic_lead_organisation_is_named_in_parties_and_signature_block()
    {
        var grant = AgreementSamples.ConsortiumGrant() with
        {
            Lead = new AgreementParty(AgreementSamples.RussianPartnerName, "KG", null, 500_000m),
        };

        var agreement = RenderedAgreement.Of(grant);

        Assert.Contains($"and {AgreementSamples.RussianPartnerName} (\"the Lead Organisation\")", agreement.Text);
        Assert.Contains($"For the Lead Organisation {AgreementSamples.RussianPartnerName}", agreement.Text[agreement.Text.LastIndexOf("Signatures", StringComparison.Ordinal)..]);
    }
}
