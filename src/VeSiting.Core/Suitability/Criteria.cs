namespace VeSiting.Core.Suitability;

/// <summary>The criteria a profile may use, each a documented function of the data with its unit.</summary>
public static class Criteria
{
    public sealed record Definition(string Id, string Unit, string Meaning, double DefaultRadiusM = 0, bool NeedsLayer = false);

    public static IReadOnlyList<Definition> All { get; } =
    [
        new("power-price", "DKK/kWh", "price per kWh incl. VAT for the profile's consumption under its tariff scenario (zone by distance to covered plants)"),
        new("renewable-mw", "MW", "capacity of covered wind turbines and solar parks (operating or planned) within the radius", 10_000),
        new("heat-distance", "m", "distance to the nearest district-heating plant (a buyer of surplus heat)"),
        new("heat-size", "km²", "supply area of the nearest district-heating plant"),
        new("dwelling-distance", "m", "distance to the nearest dwelling (access address): nuisance and safety"),
        new("population", "people", "people within the commuting radius: municipal population (Statistics Denmark) spread evenly over the municipality's area, summed on a raster", 30_000),
        new("points-distance", "m", "distance to the nearest point of a layer the user supplies (schools, institutions …)", 0, NeedsLayer: true),
        new("points-count", "points", "points of a user layer within the radius", 10_000, NeedsLayer: true),
        new("regional-figure", "per region", "a figure the user supplies per municipality, landsdel or region (e.g. state jobs per 1,000 inhabitants), looked up at the profile's level, or else by the site's municipality, then its landsdel, then its region", 0, NeedsLayer: true),
        new("oxygen-demand", "t O2/yr", "tonnes of oxygen a year wanted by the users of a point layer the user supplies (each point's value), within the radius", 20_000, NeedsLayer: true),
        new("farmland", "share", "share of the cell (or of the candidate's parcel) covered by the polygons of a layer the user supplies (e.g. field blocks), 0–1 by area; a point candidate: 1 inside, 0 outside", 0, NeedsLayer: true),
    ];

    public static Definition? Find(string id) => All.FirstOrDefault(c => c.Id == id);
}
