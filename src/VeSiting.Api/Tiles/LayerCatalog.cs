using VeSiting.Core.Rules;

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
        // Labels and the description come from the rules in force (WithRules); only colours are set here.
        new("scheme-zones", "Scheme rings", "Scheme rings around covered plants, from the rules in force for each plant's permit period.", 9, 20, "ring",
            ["scheme-zones"],
            [new(Schemes.MinimumDistance, "#d62728", "minimum distance"), new(Schemes.SalesOption, "#ff7f0e", "sales option"), new(Schemes.VeBonus, "#2ca02c", "VE-bonus"),
             new("solar", "#f2a900", "around covered solar")]),
        new("tariff-zones", "Tariff zones (proposal)", "Zones of a distance-based tariff scenario (?scenario=, default banded-distance). A proposal, not law.", 6, 20, "zone",
            ["tariff-zones"],
            [new("A", "#006d2c", "Zone A (proposal)"), new("B", "#31a354", "Zone B (proposal)"), new("C", "#a1d99b", "Zone C (proposal)")]),
        new("dwellings", "Dwellings by zone (proposal)", "Addresses coloured by their tariff zone under a scenario (?scenario=, default banded-distance). A proposal, not law.", 12, 20, "zone",
            ["dwellings"],
            [new("A", "#006d2c", "Zone A (proposal)"), new("B", "#31a354", "Zone B (proposal)"), new("C", "#a1d99b", "Zone C (proposal)"), new("none", "#636363", "No zone")]),
        new("suitability", "Spin-off suitability", "Sites scored by a siting profile (?profile=, ?area=, ?cell=; default greenhouse over Denmark at 1 km).", 5, 20, "class",
            ["suitability"],
            [new("80", "#1a9641", "score 80–100"), new("60", "#a6d96a", "score 60–80"), new("40", "#ffffbf", "score 40–60"), new("20", "#fdae61", "score 20–40"),
             new("0", "#d7191c", "score 0–20"), new("excluded", "#7b3294", "excluded (why: click)")]),
    ];

    public static TileLayer? Find(string id) => All.FirstOrDefault(l => l.Id == id);

    /// <summary>The layers with the scheme rings described and labelled by the rules in force today (the map's legend reads these).</summary>
    public static IReadOnlyList<TileLayer> WithRules(SchemeDistances current) => [.. All.Select(l => l.Id == "scheme-zones" ? SchemeZones(l, current) : l)];

    private static TileLayer SchemeZones(TileLayer layer, SchemeDistances current)
    {
        var bands = current.WindBands.Concat(current.SolarBands).ToList();
        var legend = layer.Legend.Select(entry => bands.FirstOrDefault(b => b.Id == entry.Value) is { } band
            ? entry with { Label = band.MultipleOfH ? band.Label : $"{band.Label} (solar)" }
            : entry with { Label = $"{entry.Label}: none for permits today" }).ToList();
        var description = $"Around covered plants, for permits dated {current.PermitDate:yyyy-MM-dd}: {string.Join("; ", legend.Select(l => l.Label))}. "
            + "Each plant's rings follow the rules of its own permit period (older turbines may have no sales-option or VE-bonus ring).";
        return layer with { Description = description, Legend = legend };
    }
}
