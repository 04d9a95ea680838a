namespace VeSiting.Data.Importers.Bbr;

/// <summary>
/// BBR's unit use codes (<c>enh020EnhedensAnvendelse</c>, code list <c>EnhAnvendelse</c>,
/// https://teknik.bbr.dk/kodelister/0/1/0/EnhAnvendelse) that are dwellings: the 1xx group, year-round housing
/// (helårsbeboelse). 110 farmhouse (stuehus til landbrugsejendom), 120 detached single-family house, 121 semi-detached
/// single-family house, 122 detached single-family house in low dense housing, 130 terraced, linked or semi-detached
/// house (being phased out), 131 terraced, linked or cluster house, 132 semi-detached house, 140 flat (etagebolig,
/// flerfamiliehus or tofamiliehus), 150 hall of residence (kollegiebolig), 160 dwelling in a residential institution,
/// 185 annex to a year-round dwelling, 190 other unit for year-round housing. Commerce (2xx–4xx), leisure homes and
/// holiday cottages (5xx) and others are not households of the neighbour schemes' dwellings.
/// </summary>
public static class BbrUnitUse
{
    public static IReadOnlyList<int> DwellingCodes { get; } = [110, 120, 121, 122, 130, 131, 132, 140, 150, 160, 185, 190];

    public static bool IsDwelling(int code) => DwellingCodes.Contains(code);

    /// <summary>
    /// BBR lifecycle (<c>status</c>, code list <c>Livscyklus</c>): 6 built (opført) and 7 in force (gældende) are units
    /// that exist; 1–5 are planned or under construction, 8–23 closed, deleted, registered in error or case states.
    /// </summary>
    public static bool Exists(string? status) => status is "6" or "7";
}
