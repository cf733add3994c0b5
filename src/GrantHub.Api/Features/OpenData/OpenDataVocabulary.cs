using GrantHub.Core.Applications;
using GrantHub.Core.Calls;
using GrantHub.Core.Common;

namespace GrantHub.Api.Features.OpenData;

/// <summary>Codes and labels shared by the exports.</summary>
public static class OpenDataVocabulary
{
    public const string PillarVocabulary = "GrantHub:WPS-pillar";
    public const string TargetGroupVocabulary = "GrantHub:target-group";
    public const string RegionGeoCodeType = "UN M49";

    /// <summary>
    /// OECD DAC CRS purpose codes for the Women, Peace and Security pillars: participation is the work of women's rights
    /// organisations and movements (15170), protection ends violence against women and girls (15180), prevention and
    /// relief and recovery are civilian peace-building (15220). Emergency grants are 15170.
    /// </summary>
    public static string DacSector(Pillar pillar) => pillar switch
    {
        Pillar.Participation => "15170",
        Pillar.Protection => "15180",
        _ => "15220",
    };

    public const string WomensRightsSector = "15170";

    public static string Title(Pillar pillar) => pillar switch
    {
        Pillar.ReliefAndRecovery => "Relief and recovery",
        _ => pillar.ToString(),
    };

    public static string Title(TargetGroup group) => group switch
    {
        TargetGroup.RuralWomen => "Rural women",
        TargetGroup.YoungWomen => "Young women",
        TargetGroup.WomenWithDisabilities => "Women with disabilities",
        TargetGroup.DisplacedWomen => "Displaced women",
        TargetGroup.SexualAndGenderMinorities => "Sexual and gender minorities",
        TargetGroup.EthnicOrIndigenousMinorityWomen => "Ethnic or indigenous minority women",
        TargetGroup.WomenHumanRightsDefenders => "Women human rights defenders",
        _ => group.ToString(),
    };

    public static decimal Major(long minorUnits, string currency) => Money.FromMinorUnits(minorUnits, currency);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
