using System.Collections.Frozen;

namespace GrantHub.Api.Features.OpenData;

/// <summary>A UN M49 sub-region: what an export says instead of a sensitive organisation's country.</summary>
public sealed record UnM49Region(string Code, string EnglishName, string FrenchName)
{
    public string Name(string language) => language == "fr" ? FrenchName : EnglishName;
}

/// <summary>
/// The UN M49 "Standard country or area codes for statistical use" sub-regions and the ISO 3166-1 countries in each
/// (Sub-Saharan Africa and Latin America and the Caribbean as a whole, not their intermediate regions: the coarser
/// the region, the less it narrows down a sensitive organisation). A country not listed has no region and is omitted.
/// </summary>
public static class UnM49Regions
{
    private static readonly (UnM49Region Region, string Countries)[] Table =
    [
        (new("015", "Northern Africa", "Afrique du Nord"), "DZ EG LY MA SD TN EH"),
        (new("202", "Sub-Saharan Africa", "Afrique subsaharienne"),
            "IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW AO CM CF TD CG CD GQ GA ST BW SZ LS NA ZA "
            + "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG"),
        (new("419", "Latin America and the Caribbean", "Amérique latine et Caraïbes"),
            "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI BZ CR SV GT HN MX NI PA "
            + "AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE"),
        (new("021", "Northern America", "Amérique septentrionale"), "BM CA GL PM US"),
        (new("143", "Central Asia", "Asie centrale"), "KZ KG TJ TM UZ"),
        (new("030", "Eastern Asia", "Asie orientale"), "CN HK MO KP JP MN KR TW"),
        (new("035", "South-eastern Asia", "Asie du Sud-Est"), "BN KH ID LA MY MM PH SG TH TL VN"),
        (new("034", "Southern Asia", "Asie du Sud"), "AF BD BT IN IR MV NP PK LK"),
        (new("145", "Western Asia", "Asie occidentale"), "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE"),
        (new("151", "Eastern Europe", "Europe orientale"), "BY BG CZ HU PL MD RO RU SK UA"),
        (new("154", "Northern Europe", "Europe septentrionale"), "AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB"),
        (new("039", "Southern Europe", "Europe méridionale"), "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES"),
        (new("155", "Western Europe", "Europe occidentale"), "AT BE FR DE LI LU MC NL CH"),
        (new("053", "Australia and New Zealand", "Australie et Nouvelle-Zélande"), "AU CX CC HM NZ NF"),
        (new("054", "Melanesia", "Mélanésie"), "FJ NC PG SB VU"),
        (new("057", "Micronesia", "Micronésie"), "GU KI MH FM NR MP PW UM"),
        (new("061", "Polynesia", "Polynésie"), "AS CK PF NU PN WS TK TO TV WF"),
    ];

    private static readonly FrozenDictionary<string, UnM49Region> ByCountry = Table
        .SelectMany(entry => entry.Countries.Split(' ').Select(country => (country, entry.Region)))
        .ToFrozenDictionary(pair => pair.country, pair => pair.Region, StringComparer.Ordinal);

    public static UnM49Region? Of(string country) => ByCountry.GetValueOrDefault(country);
}
