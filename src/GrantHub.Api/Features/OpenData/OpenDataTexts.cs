namespace GrantHub.Api.Features.OpenData;

/// <summary>The neutral texts that stand in for what an export must not say, in each export language.</summary>
public sealed record OpenDataTexts(
    string Language,
    string WithheldRecipientName,
    string WithheldGrantTitle,
    string WithheldEmergencyTitle,
    string WithheldDescription,
    string EmergencyDescription)
{
    public static readonly OpenDataTexts English = new(
        "en",
        "Recipient withheld for safety",
        "Core support grant",
        "Rapid response grant",
        "Details are withheld to protect the safety of the recipient.",
        "Rapid response grant for an urgent need.");

    public static readonly OpenDataTexts French = new(
        "fr",
        "Bénéficiaire non divulgué pour sa sécurité",
        "Subvention de soutien institutionnel",
        "Subvention d'intervention rapide",
        "Les détails ne sont pas publiés afin de protéger la sécurité du bénéficiaire.",
        "Subvention d'intervention rapide pour un besoin urgent.");

    public static bool IsSupported(string? language) => language is "en" or "fr";

    public static OpenDataTexts For(string language) => language == "fr" ? French : English;
}
