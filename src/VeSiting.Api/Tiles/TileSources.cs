using VeSiting.Api.Tiles.Sources;

namespace VeSiting.Api.Tiles;

/// <summary>The registered tile layers, in the order the legend lists them.</summary>
public sealed class TileSources(IEnumerable<ITileSource> sources)
{
    public IReadOnlyList<ITileSource> All { get; } = [.. sources];

    public ITileSource Find(string id) => All.FirstOrDefault(s => s.Layer.Id == id)
        ?? throw RefusalProblems.NotFound("layer", Reason.Of("tiles.unknown-layer", ("value", $"'{id}'"), ("layers", string.Join(", ", All.Select(s => s.Layer.Id)))));

    /// <summary>Every layer as served now (the map's legend and layer list read these).</summary>
    public IReadOnlyList<TileLayer> Describe(ServiceData data) => [.. All.Select(s => LegendLanguage.Apply(s.Describe(data)))];

    /// <summary>Registers every tile layer: a new layer is one line here.</summary>
    public static IServiceCollection AddTileSources(IServiceCollection services) => services
        .AddSingleton<ITileSource, BoundaryTiles>()
        .AddSingleton<ITileSource, MapDetailTiles>()
        .AddSingleton<ITileSource, PlantTiles>()
        .AddSingleton<ITileSource, SchemeZoneTiles>()
        .AddSingleton<ITileSource, TariffZoneTiles>()
        .AddSingleton<ITileSource, DwellingTiles>()
        .AddSingleton<ITileSource, ImpactTiles>()
        .AddSingleton<ITileSource, FirmTiles>()
        .AddSingleton<ITileSource, ShadowFlickerTiles>()
        .AddSingleton<ITileSource, NoiseTiles>()
        .AddSingleton<ITileSource, SuitabilityTiles>()
        .AddSingleton<TileSources>();
}
