namespace VeSiting.Core.Suitability;

/// <summary>
/// A user's table of figures (codes of municipalities "0101", landsdele "DK011" and regions "1084" do not overlap) read
/// at the level a profile's criterion names; with no level, the finest the table has for the site: its municipality's,
/// else its landsdel's, else its region's. Both siting engines look figures up here.
/// </summary>
public sealed class RegionalFigureLookup
{
    public const string MunicipalityLevel = "municipality";
    public const string LandsdelLevel = "landsdel";
    public const string RegionLevel = "region";
    public static readonly IReadOnlyList<string> Levels = [MunicipalityLevel, LandsdelLevel, RegionLevel];

    private readonly string _layer;
    private readonly IReadOnlyDictionary<string, double> _figures;
    private readonly string? _level;
    private readonly Dictionary<string, Landsdel> _landsdelOf = [];

    public RegionalFigureLookup(string layer, IReadOnlyDictionary<string, double> figures, IReadOnlyList<Landsdel> landsdele, string? level)
    {
        if (level is not null && !Levels.Contains(level))
            throw new ArgumentException($"regional-figure level '{level}' is not one of {string.Join(", ", Levels)}");
        (_layer, _figures, _level) = (layer, figures, level);
        foreach (var landsdel in landsdele)
        {
            foreach (var municipality in landsdel.MunicipalityCodes)
                _landsdelOf[municipality] = landsdel;
        }
    }

    /// <summary>Whether sites take figures through their municipality (its own, or its landsdel's).</summary>
    public bool ByMunicipality => _level is null or MunicipalityLevel or LandsdelLevel;

    /// <summary>Whether sites take figures through their region.</summary>
    public bool ByRegion => _level is null or RegionLevel;

    /// <summary>The figure a municipality's sites take at this level (its own or its landsdel's), or null.</summary>
    public (double Value, Reason Why)? ForMunicipality(AdminArea municipality)
    {
        if (_level is null or MunicipalityLevel && _figures.TryGetValue(municipality.Code, out var own))
            return (own, Reason.Of("siting.figure-municipality", ("layer", _layer), ("code", municipality.Code), ("name", municipality.Name), ("value", own)));
        if (_level is null or LandsdelLevel && _landsdelOf.TryGetValue(municipality.Code, out var landsdel) && _figures.TryGetValue(landsdel.Code, out var figure))
            return (figure, Reason.Of("siting.figure-landsdel", ("layer", _layer), ("code", landsdel.Code), ("name", landsdel.Name),
                ("municipalityCode", municipality.Code), ("municipality", municipality.Name), ("value", figure)));
        return null;
    }

    /// <summary>The figure a region's sites take at this level, or null.</summary>
    public (double Value, Reason Why)? ForRegion(AdminArea region) =>
        ByRegion && _figures.TryGetValue(region.Code, out var figure)
            ? (figure, Reason.Of("siting.figure-region", ("layer", _layer), ("code", region.Code), ("name", region.Name), ("value", figure)))
            : null;

    /// <summary>Why a site has no figure.</summary>
    public Reason Missing(AdminArea? municipality, AdminArea? region)
    {
        if (municipality is null && region is null)
            return Reason.Of("siting.figure-outside");
        var places = new List<Reason>();
        if (municipality is not null && _level is null or MunicipalityLevel)
            places.Add(Reason.Of("siting.place-municipality", ("code", municipality!.Code), ("name", municipality.Name)));
        if (municipality is not null && _level is null or LandsdelLevel)
            places.Add(_landsdelOf.TryGetValue(municipality!.Code, out var l)
                ? Reason.Of("siting.place-landsdel", ("code", l.Code), ("name", l.Name))
                : Reason.Of("siting.place-landsdel-unknown", ("code", municipality.Code)));
        if (region is not null && ByRegion)
            places.Add(Reason.Of("siting.place-region", ("code", region.Code), ("name", region.Name)));
        var where = places.Count == 0 ? Reason.Of("siting.this-site") : Or(places);
        return _level is null
            ? Reason.Of("siting.figure-missing", ("layer", _layer), ("places", where))
            : Reason.Of("siting.figure-missing-level", ("layer", _layer), ("level", Reason.Of("siting.level." + _level)), ("places", where));
    }

    private static Reason Or(IReadOnlyList<Reason> places)
    {
        var joined = places[^1];
        for (var i = places.Count - 2; i >= 0; i--)
            joined = Reason.Of("general.or", ("first", places[i]), ("rest", joined));
        return joined;
    }
}
