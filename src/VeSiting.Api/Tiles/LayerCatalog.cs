namespace VeSiting.Api.Tiles;

/// <summary>One style class of a layer: the attribute value it matches, its colour and its legend label.</summary>
public sealed record LegendEntry(string Value, string Color, string Label);

/// <summary>A tile layer: the MVT layers it holds, the zooms it has data at, and its legend (shared by PNG tiles and the web map).</summary>
public sealed record TileLayer(string Id, string Title, string Description, int MinZoom, int MaxZoom, string StyleAttribute, IReadOnlyList<string> VectorLayers, IReadOnlyList<LegendEntry> Legend);

public static class LayerCatalog
{
    public static IReadOnlyList<TileLayer> All { get; } =
    [
        new("boundaries", "Municipalities and regions", "DAGI boundaries: the offline base map.", 0, 16, "kind",
            ["regions", "municipalities"],
            [new("region", "#5b6770", "Region"), new("municipality", "#9aa5ad", "Municipality")]),
        new("plants", "Plants", "Wind turbines, wind farms, solar parks and other plants in operation or planned, sized by capacity.", 0, 20, "kind",
            ["plants"],
            [new("WindTurbine", "#1f77b4", "Wind turbine"), new("WindFarm", "#17becf", "Wind farm"), new("SolarPark", "#f2a900", "Solar park"), new("Other", "#7f7f7f", "Other plant")]),
        new("scheme-zones", "Scheme rings", "4, 6 and 8 × total height around covered turbines (minimum distance, sales option, VE-bonus) and 200 m around covered solar parks.", 9, 20, "ring",
            ["scheme-zones"],
            [new("4", "#d62728", "< 4 × H: minimum distance"), new("6", "#ff7f0e", "4–6 × H: sales option"), new("8", "#2ca02c", "6–8 × H: VE-bonus"), new("solar", "#f2a900", "≤ 200 m of solar")]),
        new("tariff-zones", "Tariff zones", "Zones of a distance-based tariff scenario (?scenario=, default banded-distance).", 6, 20, "zone",
            ["tariff-zones"],
            [new("A", "#006d2c", "Zone A"), new("B", "#31a354", "Zone B"), new("C", "#a1d99b", "Zone C")]),
        new("dwellings", "Dwellings by zone", "Addresses coloured by their tariff zone under a scenario (?scenario=, default banded-distance).", 12, 20, "zone",
            ["dwellings"],
            [new("A", "#006d2c", "Zone A"), new("B", "#31a354", "Zone B"), new("C", "#a1d99b", "Zone C"), new("none", "#636363", "No zone")]),
        new("suitability", "Spin-off suitability", "Sites scored by a siting profile (?profile=, ?area=, ?cell=; default greenhouse over Denmark at 1 km).", 5, 20, "class",
            ["suitability"],
            [new("80", "#1a9641", "score 80–100"), new("60", "#a6d96a", "score 60–80"), new("40", "#ffffbf", "score 40–60"), new("20", "#fdae61", "score 20–40"),
             new("0", "#d7191c", "score 0–20"), new("excluded", "#7b3294", "excluded (why: click)")]),
    ];

    public static TileLayer? Find(string id) => All.FirstOrDefault(l => l.Id == id);
}
