using System.Globalization;
using VeSiting.Core.Domain;

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
    public (double Value, string Why)? ForMunicipality(AdminArea municipality)
    {
        if (_level is null or MunicipalityLevel && _figures.TryGetValue(municipality.Code, out var own))
            return (own, $"{_layer} for municipality {municipality.Code} {municipality.Name}: {F(own)}");
        if (_level is null or LandsdelLevel && _landsdelOf.TryGetValue(municipality.Code, out var landsdel) && _figures.TryGetValue(landsdel.Code, out var figure))
            return (figure, $"{_layer} for landsdel {landsdel.Code} {landsdel.Name} (municipality {municipality.Code} {municipality.Name}): {F(figure)}");
        return null;
    }

    /// <summary>The figure a region's sites take at this level, or null.</summary>
    public (double Value, string Why)? ForRegion(AdminArea region) =>
        ByRegion && _figures.TryGetValue(region.Code, out var figure) ? (figure, $"{_layer} for {region.Code} {region.Name}: {F(figure)}") : null;

    /// <summary>Why a site has no figure.</summary>
    public string Missing(AdminArea? municipality, AdminArea? region)
    {
        if (municipality is null && region is null)
            return "outside every municipality and region";
        var places = new List<string>();
        if (municipality is not null && _level is null or MunicipalityLevel)
            places.Add($"municipality {municipality!.Code} {municipality.Name}");
        if (municipality is not null && _level is null or LandsdelLevel)
            places.Add(_landsdelOf.TryGetValue(municipality!.Code, out var l) ? $"landsdel {l.Code} {l.Name}" : $"the landsdel of {municipality.Code} (none known)");
        if (region is not null && ByRegion)
            places.Add($"region {region.Code} {region.Name}");
        return $"{_layer} has no {(_level is null ? "" : _level + " ")}figure for {(places.Count == 0 ? "this site" : string.Join(" or ", places))}";
    }

    private static string F(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
}
